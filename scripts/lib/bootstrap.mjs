// Steps that must run before any dependency can be imported: only Node built-ins here.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Installs the locked dependencies when node_modules is missing or older than package-lock.json. */
export function ensureDependencies(log) {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log("installing dependencies…");
  // The lock records every platform's optional packages, so `npm ci` installs it as it is. Should a
  // lock ever fall out of step again (npm/cli#4828: a lock written on one platform can miss other
  // platforms' optional packages), `npm install` installs the same pinned versions; `npm ci`'s
  // refusal is not shown, because the fallback is what follows, not something to act on.
  const install = (args, stdio) => spawnSync("npm", [...args, "--no-fund", "--no-audit"], { cwd: root, stdio });
  if (install(["ci"], ["ignore", "inherit", "pipe"]).status === 0) return;
  if (install(["install"], "inherit").status !== 0) {
    console.error("npm install failed; fix the error above and run the command again.");
    process.exit(1);
  }
}

/** Loads `.env` from the repository root into process.env (variables already set win). */
export function loadDotEnv() {
  const file = path.join(root, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}
