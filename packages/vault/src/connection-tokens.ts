import { decryptSecret, encryptSecret } from "./secret-cipher";
import { VaultError } from "./vault-error";
import { type VaultKeyring, vaultKeyring } from "./vault-keys";

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface EncryptedTokenPair {
  accessTokenEnc: string;
  refreshTokenEnc: string;
}

/** The columns a connection's tokens are read from (any Connection row fits). */
export interface StoredConnectionTokens {
  id: string;
  name: string;
  accessTokenEnc: string | null;
  refreshTokenEnc: string | null;
}

export function encryptTokenPair(pair: TokenPair, keyring: VaultKeyring = vaultKeyring()): EncryptedTokenPair {
  return {
    accessTokenEnc: encryptSecret(pair.accessToken, keyring),
    refreshTokenEnc: encryptSecret(pair.refreshToken, keyring),
  };
}

/**
 * A connection's plaintext tokens, for the token-access layer only. Fails with a VaultError that
 * names the connection (never the token) so a worker can fail the run with a useful message.
 */
export function decryptConnectionTokens(
  connection: StoredConnectionTokens,
  keyring: VaultKeyring = vaultKeyring(),
): TokenPair {
  const name = `Xero connection "${connection.name}" (${connection.id})`;
  if (!connection.accessTokenEnc || !connection.refreshTokenEnc) {
    throw new VaultError("MALFORMED", `${name} has no stored tokens: it was disconnected. Reconnect it.`);
  }
  try {
    return {
      accessToken: decryptSecret(connection.accessTokenEnc, keyring),
      refreshToken: decryptSecret(connection.refreshTokenEnc, keyring),
    };
  } catch (error) {
    if (!(error instanceof VaultError)) throw error;
    throw new VaultError(error.reason, `The stored tokens of ${name} cannot be decrypted: ${error.message}.`, {
      cause: error,
    });
  }
}
