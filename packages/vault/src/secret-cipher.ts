import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { VaultError } from "./vault-error";
import type { VaultKeyring } from "./vault-keys";

// Ciphertext format: "v1.<keyId>.<iv>.<tag>.<data>", the binary parts base64url-encoded. The key id
// lets several keys coexist during a rotation; the 12-byte IV is random per encryption (never reuse
// an IV under one GCM key); the 16-byte tag authenticates the data, so any change is detected.
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function encryptSecret(plaintext: string, keyring: VaultKeyring): string {
  const { id, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, id, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(".");
}

/** The key id a ciphertext was made with (rotation skips those already on the current key). */
export function ciphertextKeyId(ciphertext: string): string | undefined {
  const [version, keyId] = ciphertext.split(".");
  return version === VERSION ? keyId : undefined;
}

/** Decrypts, or throws VaultError saying why (the caller adds which record it was). */
export function decryptSecret(ciphertext: string, keyring: VaultKeyring): string {
  const parts = ciphertext.split(".");
  const [version, keyId, ivText, tagText, dataText] = parts;
  if (parts.length !== 5 || version !== VERSION || !keyId || !ivText || !tagText || dataText === undefined) {
    throw new VaultError("MALFORMED", "the ciphertext is not in the v1 vault format");
  }
  const entry = keyring.byId.get(keyId);
  if (!entry) {
    throw new VaultError("UNKNOWN_KEY", `it was encrypted with key "${keyId}", which is not in VAULT_KEYS`);
  }
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new VaultError("MALFORMED", "the ciphertext's IV or authentication tag has the wrong length");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(dataText, "base64url")), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new VaultError(
      "TAMPERED",
      `the ciphertext failed authentication with key "${keyId}" (altered or corrupted)`,
      {
        cause: error,
      },
    );
  }
}
