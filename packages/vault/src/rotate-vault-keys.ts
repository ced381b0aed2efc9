import { prisma } from "@ledgerflow/db";
import { ciphertextKeyId, decryptSecret, encryptSecret } from "./secret-cipher";
import { VaultError } from "./vault-error";
import { type VaultKeyring, vaultKeyring } from "./vault-keys";

export interface RotationReport {
  /** Connections with stored tokens that were examined. */
  examined: number;
  reencrypted: number;
  alreadyCurrent: number;
  /** Refreshed by someone else while we worked: their new tokens are already under the current key. */
  changedMeanwhile: number;
  /** Could not be decrypted with any key in VAULT_KEYS (messages name the connection). */
  failures: string[];
}

const BATCH = 100;

/**
 * Re-encrypts every stored token with the current key (the first in VAULT_KEYS), so old keys can be
 * removed afterwards. An operator command over all workspaces. Each row is updated only if its
 * ciphertexts are still the ones we read, so a concurrent token refresh is never overwritten.
 */
export async function rotateVaultKeys(keyring: VaultKeyring = vaultKeyring()): Promise<RotationReport> {
  const report: RotationReport = { examined: 0, reencrypted: 0, alreadyCurrent: 0, changedMeanwhile: 0, failures: [] };
  let cursor: string | undefined;
  for (;;) {
    const rows = await prisma.connection.findMany({
      where: { accessTokenEnc: { not: null }, refreshTokenEnc: { not: null } },
      select: { id: true, workspaceId: true, name: true, accessTokenEnc: true, refreshTokenEnc: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return report;
    cursor = rows[rows.length - 1]?.id;

    for (const row of rows) {
      const access = row.accessTokenEnc as string;
      const refresh = row.refreshTokenEnc as string;
      report.examined++;
      const current = keyring.current.id;
      if (ciphertextKeyId(access) === current && ciphertextKeyId(refresh) === current) {
        report.alreadyCurrent++;
        continue;
      }
      let reencrypted: { accessTokenEnc: string; refreshTokenEnc: string };
      try {
        reencrypted = {
          accessTokenEnc: encryptSecret(decryptSecret(access, keyring), keyring),
          refreshTokenEnc: encryptSecret(decryptSecret(refresh, keyring), keyring),
        };
      } catch (error) {
        if (!(error instanceof VaultError)) throw error;
        report.failures.push(`Xero connection "${row.name}" (${row.id}): ${error.message}`);
        continue;
      }
      const { count } = await prisma.connection.updateMany({
        where: { id: row.id, workspaceId: row.workspaceId, accessTokenEnc: access, refreshTokenEnc: refresh },
        data: reencrypted,
      });
      if (count === 1) report.reencrypted++;
      else report.changedMeanwhile++;
    }
  }
}
