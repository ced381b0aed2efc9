import { buildAuthorizationUrl } from "../client/build-authorization-url";
import { xeroAppSettings } from "../client/xero-app-settings";
import { savePendingXeroAuthorization } from "./pending-xero-authorization";

/**
 * The URL of Xero's consent page for adding (or reconnecting) organisations to the workspace.
 * Scopes are XERO_SCOPES plus `extraScopes` (Reconnect asks for what an action is missing).
 * The caller has checked that the user may add connections to this workspace.
 */
export async function startXeroAuthorization({
  userId,
  workspaceId,
  extraScopes = [],
}: {
  userId: string;
  workspaceId: string;
  extraScopes?: string[];
}): Promise<string> {
  const settings = xeroAppSettings();
  const scopes = [...new Set([...settings.scopes, ...extraScopes])];
  const { url, checks } = await buildAuthorizationUrl({ ...settings, scopes });
  await savePendingXeroAuthorization({ ...checks, userId, workspaceId });
  return url.toString();
}
