/**
 * A stored secret that cannot be used: wrong format, a key id missing from VAULT_KEYS, or a
 * ciphertext that fails authentication (tampered with, or encrypted under a different key).
 * Messages name the record and the reason, never the secret.
 */
export class VaultError extends Error {
  readonly reason: "MALFORMED" | "UNKNOWN_KEY" | "TAMPERED" | "BAD_CONFIG";
  constructor(reason: VaultError["reason"], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "VaultError";
    this.reason = reason;
  }
}
