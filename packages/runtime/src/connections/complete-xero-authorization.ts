import { exchangeAuthorizationCode, listTenantConnections } from "@ledgerflow/connector-xero";
import { ForbiddenError, InvalidInputError } from "../errors/domain-errors";
import { findWorkspaceMembership } from "../workspaces/find-workspace-membership";
import { roleAllows } from "../workspaces/workspace-role";
import { takePendingXeroAuthorization } from "./pending-xero-authorization";
import { saveXeroConnections } from "./save-xero-connections";

export type CompleteXeroAuthorizationResult = { outcome: "connected"; names: string[] } | { outcome: "denied" };

const STATE_PROBLEM =
  "This link from Xero has expired, was already used, or belongs to another sign-in. Start again with “+ Add an account”.";

/**
 * Xero's redirect back to us (`/api/connections/xero/callback?code&state` or `?error&state`). The
 * state must be one we issued to this user, unused and under 10 minutes old; only then is the code
 * exchanged and the granted organisations stored. Anything wrong with the state stores nothing.
 */
export async function completeXeroAuthorization({
  callbackUrl,
  userId,
}: {
  callbackUrl: string;
  userId: string;
}): Promise<CompleteXeroAuthorizationResult> {
  const url = new URL(callbackUrl);
  const state = url.searchParams.get("state");
  if (!state) throw new InvalidInputError(STATE_PROBLEM, "state");
  // Only this user's pending authorization is looked up: another user's state is "unknown" here
  // and stays usable by its owner; the owner's is consumed in the same step (single use).
  const pending = await takePendingXeroAuthorization({ userId, state });
  if (!pending) throw new InvalidInputError(STATE_PROBLEM, "state");

  const membership = await findWorkspaceMembership({ userId, workspaceId: pending.workspaceId });
  if (!membership || !roleAllows(membership.role, "EDITOR")) {
    throw new ForbiddenError("Your role in this workspace does not allow adding Xero accounts.");
  }

  const error = url.searchParams.get("error");
  if (error === "access_denied") return { outcome: "denied" };
  if (error) {
    const description = url.searchParams.get("error_description");
    throw new InvalidInputError(`Xero did not connect the account (${error}${description ? `: ${description}` : ""}).`);
  }

  const tokenSet = await exchangeAuthorizationCode(url, pending);
  if (!tokenSet.refreshToken) {
    throw new InvalidInputError("Xero did not grant offline access, which Ledgerflow needs to run flows. Try again.");
  }
  const tenants = await listTenantConnections(tokenSet.accessToken, { authEventId: tokenSet.authEventId ?? undefined });
  if (tenants.length === 0) {
    throw new InvalidInputError("No organisation was selected on Xero's page. Try again and tick at least one.");
  }
  const saved = await saveXeroConnections({
    workspaceId: pending.workspaceId,
    userId,
    tokenSet: { ...tokenSet, refreshToken: tokenSet.refreshToken },
    tenants,
  });
  return { outcome: "connected", names: saved.map((connection) => connection.name) };
}
