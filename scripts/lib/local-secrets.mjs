// Secrets `npm start` generates once and keeps under .data/ when the user has not set them.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./bootstrap.mjs";

function persisted(file, make) {
  const full = path.join(root, ".data", file);
  if (existsSync(full)) return { value: readFileSync(full, "utf8").trim(), created: false };
  mkdirSync(path.dirname(full), { recursive: true });
  const value = make();
  writeFileSync(full, `${value}\n`, { mode: 0o600 });
  return { value, created: true };
}

export function ensureLocalSecrets(log) {
  if (!process.env.VAULT_KEYS) {
    const { value, created } = persisted("vault-keys", () => `local1:${randomBytes(32).toString("base64")}`);
    process.env.VAULT_KEYS = value;
    log(
      created
        ? "generated a token-encryption key in .data/vault-keys (set VAULT_KEYS in production)"
        : "using the token-encryption key in .data/vault-keys",
    );
  }
  if (!process.env.NEXTAUTH_SECRET) {
    process.env.NEXTAUTH_SECRET = persisted("nextauth-secret", () => randomBytes(32).toString("base64url")).value;
  }
  if (!process.env.XERO_WEBHOOK_KEY) {
    process.env.XERO_WEBHOOK_KEY = persisted("xero-webhook-key", () => randomBytes(32).toString("base64")).value;
    // The settings page says so: only the sandbox knows this key; real Xero signs with its own.
    process.env.XERO_WEBHOOK_KEY_SOURCE = "generated";
  }
}
