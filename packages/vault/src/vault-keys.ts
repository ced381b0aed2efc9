import { serverEnv } from "@ledgerflow/config";
import { VaultError } from "./vault-error";

export interface VaultKey {
  id: string;
  key: Buffer;
}

export interface VaultKeyring {
  /** New ciphertexts use this key: the first in VAULT_KEYS. */
  current: VaultKey;
  byId: ReadonlyMap<string, VaultKey>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses `id:base64key,id:base64key,…` (first is current). Every key must be 32 bytes (AES-256).
 * Errors name the offending key id or position, never key material.
 */
export function parseVaultKeys(value: string | undefined): VaultKeyring {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) {
    throw new VaultError("BAD_CONFIG", "VAULT_KEYS is not set: it needs at least one key, as id:base64key.");
  }
  const keys = entries.map((entry, index) => {
    const separator = entry.indexOf(":");
    const id = separator > 0 ? entry.slice(0, separator) : "";
    if (!KEY_ID.test(id)) {
      throw new VaultError(
        "BAD_CONFIG",
        `VAULT_KEYS entry ${index + 1} needs an id (letters, digits, _ or -) before ":".`,
      );
    }
    const key = Buffer.from(entry.slice(separator + 1), "base64");
    if (key.length !== 32) {
      throw new VaultError(
        "BAD_CONFIG",
        `VAULT_KEYS key "${id}" must be 32 bytes encoded in base64 (it is ${key.length}).`,
      );
    }
    return { id, key };
  });
  const byId = new Map<string, VaultKey>();
  for (const key of keys) {
    if (byId.has(key.id)) throw new VaultError("BAD_CONFIG", `VAULT_KEYS lists the key id "${key.id}" twice.`);
    byId.set(key.id, key);
  }
  return { current: keys[0] as VaultKey, byId };
}

let cached: { source: string | undefined; keyring: VaultKeyring } | undefined;

/** The keyring from VAULT_KEYS, parsed once per distinct value. */
export function vaultKeyring(): VaultKeyring {
  const source = serverEnv().VAULT_KEYS;
  if (!cached || cached.source !== source) cached = { source, keyring: parseVaultKeys(source) };
  return cached.keyring;
}
