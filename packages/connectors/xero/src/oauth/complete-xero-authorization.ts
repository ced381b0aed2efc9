import { exchangeAuthorizationCode } from "../client/exchange-authorization-code";
import { listTenantConnections } from "../client/list-tenant-connections";
import { takePendingXeroAuthorization } from "./pending-xero-authorization";
import { saveXeroConnections } from "./save-xero-connections";
import { XeroAuthorizationError } from "./xero-authorization-error";

export type CompleteXeroAuthorizationResult = { outcome: "connected"; names: string[] } | { outcome: "denied" };

const STATE_PROBLEM =
  "This link from Xero has expired, was already used, or belongs to another sign-in. Start again with “+ Add an account”.";

/**
 * Xero's redirect back to us (`/api/connections/xero/callback?code&state` or `?error&state`). The
 * state must be one we issued to this user, unused and under 10 minutes old; only then is the code
 * exchanged and the granted organisations stored. Anything wrong with the state stores nothing.
 * Whether the user may add connections to the workspace is the caller's rule (`mayConnect`, asked
 * before the code is spent): workspace roles are the core's, not the connector's.
 */
export async function completeXeroAuthorization({
  callbackUrl,
  userId,
  mayConnect,
}: {
  callbackUrl: string;
  userId: string;
  mayConnect: (workspaceId: string) => Promise<boolean>;
}): Promise<CompleteXeroAuthorizationResult> {
  const url = new URL(callbackUrl);
  const state = url.searchParams.get("state");
  if (!state) throw new XeroAuthorizationError(STATE_PROBLEM);
  // Only this user's pending authorization is looked up: another user's state is "unknown" here
  // and stays usable by its owner; the owner's is consumed in the same step (single use).
  const pending = await takePendingXeroAuthorization({ userId, state });
  if (!pending) throw new XeroAuthorizationError(STATE_PROBLEM);

  if (!(await mayConnect(pending.workspaceId))) {
    throw new XeroAuthorizationError(
      "Your role in this workspace does not allow adding Xero connections.",
      "forbidden",
    );
  }

  const error = url.searchParams.get("error");
  if (error === "access_denied") return { outcome: "denied" };
  if (error) {
    const description = url.searchParams.get("error_description");
    throw new XeroAuthorizationError(
      `Xero did not connect the account (${error}${description ? `: ${description}` : ""}).`,
    );
  }

  const tokenSet = await exchangeAuthorizationCode(url, pending);
  if (!tokenSet.refreshToken) {
    throw new XeroAuthorizationError(
      "Xero did not grant offline access, which Ledgerflow needs to run flows. Try again.",
    );
  }
  const tenants = await listTenantConnections(tokenSet.accessToken, { authEventId: tokenSet.authEventId ?? undefined });
  if (tenants.length === 0) {
    throw new XeroAuthorizationError("No organisation was selected on Xero's page. Try again and tick at least one.");
  }
  const saved = await saveXeroConnections({
    workspaceId: pending.workspaceId,
    userId,
    tokenSet: { ...tokenSet, refreshToken: tokenSet.refreshToken },
    tenants,
  });
  return { outcome: "connected", names: saved.map((connection) => connection.name) };
}
