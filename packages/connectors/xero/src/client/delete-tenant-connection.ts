import { identityRequest } from "./identity-request";
import { type XeroAppSettings, xeroAppSettings } from "./xero-app-settings";
import { XeroIdentityRequestError } from "./xero-client-errors";

/** `DELETE /connections/{id}`: disconnects one organisation. False when it was already gone. */
export async function deleteTenantConnection(
  accessToken: string,
  connectionId: string,
  settings: XeroAppSettings = xeroAppSettings(),
): Promise<boolean> {
  try {
    await identityRequest(settings, {
      method: "DELETE",
      path: `/connections/${encodeURIComponent(connectionId)}`,
      accessToken,
      operation: "disconnect the organisation",
    });
    return true;
  } catch (error) {
    if (error instanceof XeroIdentityRequestError && error.status === 404) return false;
    throw error;
  }
}
