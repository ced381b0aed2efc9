import { prisma } from "@ledgerflow/db";
import { decryptSecret, VaultError, type VaultKeyring, vaultKeyring } from "@ledgerflow/vault";

/**
 * The workspace's Xero connections that hold this refresh token. One Xero consent can grant several
 * organisations, and each becomes a Connection holding the same token pair: a refresh must update
 * all of them (Xero rotates the refresh token), and revoking the token would disconnect all of them.
 */
export async function findConnectionsSharingGrant({
  workspaceId,
  refreshToken,
  keyring = vaultKeyring(),
}: {
  workspaceId: string;
  refreshToken: string;
  keyring?: VaultKeyring;
}): Promise<string[]> {
  const rows = await prisma.connection.findMany({
    where: { workspaceId, provider: "xero", refreshTokenEnc: { not: null } },
    select: { id: true, refreshTokenEnc: true },
  });
  return rows
    .filter((row) => {
      try {
        return decryptSecret(row.refreshTokenEnc as string, keyring) === refreshToken;
      } catch (error) {
        if (error instanceof VaultError) return false; // an unreadable row shares nothing we can use
        throw error;
      }
    })
    .map((row) => row.id);
}
