import { prisma } from "@ledgerflow/db";
import { decryptConnectionTokens, findConnectionsSharingGrant } from "@ledgerflow/vault";
import { deleteTenantConnection } from "../client/delete-tenant-connection";
import { revokeToken } from "../client/revoke-token";
import { findConnectionRecord } from "./connection-record";
import { connectionNotFoundError } from "./connection-step-errors";
import { freshAccessToken } from "./fresh-access-token";

export interface RevokeXeroConnectionResult {
  /** False when Xero could not be told (tokens already dead, Xero unreachable): we forgot them anyway. */
  revokedAtXero: boolean;
}

/**
 * Disconnects one organisation: removes its tenant connection at Xero (`DELETE /connections/{id}`),
 * revokes the refresh token unless another connection of the same consent still uses it (revoking
 * ends the whole grant), then erases the tokens and marks the connection REVOKED. The local erase
 * happens even when Xero cannot be reached: the user asked us to stop holding the tokens.
 */
export async function revokeXeroConnection(
  connectionId: string,
  workspaceId: string,
): Promise<RevokeXeroConnectionResult> {
  const connection = await findConnectionRecord(connectionId, workspaceId);
  if (!connection) throw connectionNotFoundError();

  let revokedAtXero = false;
  try {
    const accessToken = await freshAccessToken(connection);
    const current = (await findConnectionRecord(connectionId, workspaceId)) ?? connection;
    const { refreshToken } = decryptConnectionTokens(current);
    const { connectionId: tenantConnectionId } = current.providerData;
    if (tenantConnectionId) await deleteTenantConnection(accessToken, tenantConnectionId);
    const sharing = await findConnectionsSharingGrant({ workspaceId, refreshToken });
    if (sharing.every((id) => id === connectionId)) await revokeToken(refreshToken);
    revokedAtXero = true;
  } catch {
    // Nothing to undo: the erase below is what the user needs. Errors here may quote Xero's answer,
    // never tokens, but there is nobody to show them to.
  }

  await prisma.connection.updateMany({
    where: { id: connectionId, workspaceId },
    data: {
      accessTokenEnc: null,
      refreshTokenEnc: null,
      expiresAt: null,
      status: "REVOKED",
      statusReason: "Disconnected in Ledgerflow.",
    },
  });
  return { revokedAtXero };
}
