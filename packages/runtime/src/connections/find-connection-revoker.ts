import { revokeXeroConnection } from "@ledgerflow/connector-xero";

/**
 * A connector's way to tell its provider that one connection is gone (revoke the grant, remove the
 * account's link). True when the provider was told, false when it could not be reached. It never
 * erases anything of ours: disconnect-connection.ts does that for every provider alike.
 */
export type RevokeConnection = (connection: { id: string; workspaceId: string }) => Promise<boolean>;

// The only place the connections services name a connector. The connector registry
// (packages/runtime/src/connectors/) is to take this lookup over: each connector declares its
// revocation, and this function asks the registry for it.
const revokers = new Map<string, RevokeConnection>([["xero", revokeXeroConnection]]);

/** The revocation of the connector that owns `provider`'s connections, or null if it has none. */
export function findConnectionRevoker(provider: string): RevokeConnection | null {
  return revokers.get(provider) ?? null;
}
