import { decryptConnectionTokens } from "@ledgerflow/vault";
import { deleteTenantConnection } from "../client/delete-tenant-connection";
import { revokeToken } from "../client/revoke-token";
import { findConnectionRecord } from "./connection-record";
import { findConnectionsSharingGrant } from "./find-connections-sharing-grant";
import { freshAccessToken } from "./fresh-access-token";

/**
 * Tells Xero to forget one organisation's connection: removes its tenant connection
 * (`DELETE /connections/{id}`) and revokes the refresh token unless another connection of the same
 * consent still uses it (revoking ends the whole grant). True when Xero was told, false when it
 * could not be (tokens already dead, Xero unreachable, the row gone). Never throws for that: the
 * caller erases the tokens either way, because the user asked us to stop holding them.
 */
export async function revokeXeroConnection({ id, workspaceId }: { id: string; workspaceId: string }): Promise<boolean> {
  try {
    const connection = await findConnectionRecord(id, workspaceId);
    if (!connection) return false;
    const accessToken = await freshAccessToken(connection);
    // The refresh above may have rotated the pair: revoke the refresh token the row holds now.
    const current = (await findConnectionRecord(id, workspaceId)) ?? connection;
    const { refreshToken } = decryptConnectionTokens(current);
    const { connectionId: tenantConnectionId } = current.providerData;
    if (tenantConnectionId) await deleteTenantConnection(accessToken, tenantConnectionId);
    const sharing = await findConnectionsSharingGrant({ workspaceId, refreshToken });
    if (sharing.every((sharingId) => sharingId === id)) await revokeToken(refreshToken);
    return true;
  } catch {
    // Errors here may quote Xero's answer, never tokens, but there is nobody to show them to.
    return false;
  }
}
