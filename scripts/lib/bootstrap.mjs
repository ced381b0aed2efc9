// Steps that must run before any dependency can be imported: only Node built-ins here.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Runs `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureDependencies(log) {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log("installing dependencies…");
  // `npm ci` first; npm 11 may refuse a lock that lacks other platforms' optional packages, and
  // `npm install` installs the same pinned versions from it.
  const install = (args) => spawnSync("npm", [...args, "--no-fund", "--no-audit"], { cwd: root, stdio: "inherit" });
  const result = install(["ci"]).status === 0 ? { status: 0 } : install(["install"]);
  if (result.status !== 0) {
    console.error("npm ci failed; fix the error above and run the command again.");
    process.exit(1);
  }
}

/** Loads `.env` from the repository root into process.env (variables already set win). */
export function loadDotEnv() {
  const file = path.join(root, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}
