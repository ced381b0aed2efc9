import { prisma } from "@ledgerflow/db";
import {
  ConnectionLockTimeoutError,
  decryptConnectionTokens,
  encryptTokenPair,
  VaultError,
  withConnectionLock,
} from "@ledgerflow/vault";
import { refreshTokenSet } from "../client/refresh-token-set";
import { XeroInvalidGrantError } from "../client/xero-client-errors";
import { type ConnectionRecord, findConnectionRecord } from "./connection-record";
import {
  connectionNotFoundError,
  reconnectRequiredError,
  refreshFailedError,
  refreshInProgressError,
  unreadableTokensError,
} from "./connection-step-errors";
import { findConnectionsSharingGrant } from "./find-connections-sharing-grant";

/** Refresh when the access token has less than this left, so it cannot expire mid-call. */
export const REFRESH_MARGIN_MS = 60_000;

function needsRefresh(connection: ConnectionRecord): boolean {
  return !connection.expiresAt || connection.expiresAt.getTime() - Date.now() < REFRESH_MARGIN_MS;
}

function readTokens(connection: ConnectionRecord) {
  try {
    return decryptConnectionTokens(connection);
  } catch (error) {
    if (error instanceof VaultError) throw unreadableTokensError(error.message, error);
    throw error;
  }
}

/** Throws the reconnect error when the connection cannot be used as it is. */
export function assertUsable(connection: ConnectionRecord): void {
  if (connection.status === "REVOKED" || !connection.accessTokenEnc || !connection.refreshTokenEnc) {
    throw reconnectRequiredError(connection.name, "This Xero connection was disconnected.");
  }
  if (connection.status === "NEEDS_REAUTH") {
    throw reconnectRequiredError(connection.name, "Xero no longer accepts this connection's authorisation.");
  }
}

/**
 * A valid access token for the connection (docs/ARCHITECTURE.md §6). With under a minute left it refreshes under
 * the connection's Redis lock: after taking the lock it re-reads the row, because whoever held the
 * lock before us has usually refreshed already. Xero rotates the refresh token, so the new pair is
 * saved in one update — to every connection of the same consent, which share the pair.
 */
export async function freshAccessToken(connection: ConnectionRecord): Promise<string> {
  assertUsable(connection);
  if (!needsRefresh(connection)) return readTokens(connection).accessToken;

  try {
    return await withConnectionLock(connection.id, async () => {
      const current = await findConnectionRecord(connection.id, connection.workspaceId);
      if (!current) throw connectionNotFoundError();
      assertUsable(current);
      const tokens = readTokens(current);
      if (!needsRefresh(current)) return tokens.accessToken;
      return refreshUnderLock(current, tokens.refreshToken);
    });
  } catch (error) {
    if (error instanceof ConnectionLockTimeoutError) throw refreshInProgressError(connection.name, error);
    throw error;
  }
}

async function refreshUnderLock(connection: ConnectionRecord, refreshToken: string): Promise<string> {
  const { workspaceId } = connection;
  const sharingGrant = await findConnectionsSharingGrant({ workspaceId, refreshToken });
  const ids = [...new Set([connection.id, ...sharingGrant])];

  let tokenSet: Awaited<ReturnType<typeof refreshTokenSet>>;
  try {
    tokenSet = await refreshTokenSet(refreshToken);
  } catch (error) {
    if (error instanceof XeroInvalidGrantError) {
      await prisma.connection.updateMany({
        where: { workspaceId, id: { in: ids } },
        data: { status: "NEEDS_REAUTH", statusReason: "Xero refused the refresh token (invalid_grant)." },
      });
      throw reconnectRequiredError(connection.name, "Xero no longer accepts this connection's authorisation.");
    }
    throw refreshFailedError(connection.name, error);
  }

  // A connection disconnected while we refreshed stays disconnected: its tokens are not restored.
  await prisma.connection.updateMany({
    where: { workspaceId, id: { in: ids }, status: { not: "REVOKED" } },
    data: {
      ...encryptTokenPair({ accessToken: tokenSet.accessToken, refreshToken: tokenSet.refreshToken ?? refreshToken }),
      expiresAt: tokenSet.expiresAt,
      lastRefreshedAt: new Date(),
      ...(tokenSet.scopes.length > 0 ? { scopes: tokenSet.scopes } : {}),
    },
  });
  return tokenSet.accessToken;
}
