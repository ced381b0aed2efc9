export { ConnectionLockTimeoutError, isConnectionLocked, withConnectionLock } from "./connection-lock";
export {
  decryptConnectionTokens,
  type EncryptedTokenPair,
  encryptTokenPair,
  type StoredConnectionTokens,
  type TokenPair,
} from "./connection-tokens";
export { type RotationReport, rotateVaultKeys } from "./rotate-vault-keys";
export { ciphertextKeyId, decryptSecret, encryptSecret } from "./secret-cipher";
export { VaultError } from "./vault-error";
export { parseVaultKeys, type VaultKey, type VaultKeyring, vaultKeyring } from "./vault-keys";
