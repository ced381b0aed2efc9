// `npm run vault:rotate`: re-encrypts every stored Xero token with the current vault key (the first
// in VAULT_KEYS). To rotate: prepend a new key to VAULT_KEYS, restart the app, run this, then drop
// the old key once it reports no failures. Finds the database and keys the way `npm start` does
// (.env, then local defaults and .data/). Prints counts only, never tokens.
import { getPrisma } from "@ledgerflow/db";
import { rotateVaultKeys, vaultKeyring } from "@ledgerflow/vault";
import { loadDotEnv } from "./lib/bootstrap.mjs";
import { ensureLocalSecrets } from "./lib/local-secrets.mjs";
import { ensurePostgres } from "./lib/services.mjs";

const log = (message: string) => console.log(`vault:rotate │ ${message}`);

loadDotEnv();
const postgres = await ensurePostgres(log);
process.env.DATABASE_URL = postgres.url;
ensureLocalSecrets(log);

const { current } = vaultKeyring();
log(`re-encrypting stored tokens with key "${current.id}"…`);
try {
  const report = await rotateVaultKeys();
  log(
    `${report.examined} connections examined: ${report.reencrypted} re-encrypted, ` +
      `${report.alreadyCurrent} already on "${current.id}", ${report.changedMeanwhile} refreshed meanwhile, ` +
      `${report.failures.length} failed`,
  );
  for (const failure of report.failures) console.error(`vault:rotate │ failed: ${failure}`);
  process.exitCode = report.failures.length > 0 ? 1 : 0;
} finally {
  await getPrisma().$disconnect();
  await postgres.stop();
}
