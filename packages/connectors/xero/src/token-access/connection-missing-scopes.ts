import { missingScopes } from "../missing-scopes";
import type { XeroScopes } from "../xero-action-definition";

/**
 * The scopes a connection lacks for an action (classic or granular: all of either list will do),
 * named in the connection's own scheme so Reconnect can ask for exactly those. Empty when it can run.
 */
export function connectionMissingScopes(
  connection: { scopes: readonly string[] },
  requiredScopes: XeroScopes,
): string[] {
  return missingScopes({ scopes: requiredScopes }, connection.scopes);
}
