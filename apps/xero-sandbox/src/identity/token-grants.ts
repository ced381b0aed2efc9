import { createHash } from "node:crypto";
import type { SandboxClient } from "../config";
import type { Identity } from "./create-identity";
import { issueTokenSet, type TokenSetResponse } from "./issue-token-set";
import { OAuthError } from "./oauth-error";

// The two grants of the token endpoint. Both answer `invalid_grant` for anything that makes the
// presented code or refresh token unusable, as Xero does, whatever the precise reason.

function verifierMatches(method: "S256" | "plain", challenge: string, verifier: string): boolean {
  const derived = method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  return derived === challenge;
}

export async function grantAuthorizationCode(
  identity: Identity,
  client: SandboxClient,
  input: { code?: string; redirect_uri?: string; code_verifier?: string },
): Promise<TokenSetResponse> {
  if (!input.code) throw new OAuthError("invalid_request", "code is required");
  // Redeeming burns the code before the checks below, so a wrong verifier or redirect_uri cannot
  // be retried against the same code (no guessing a PKCE verifier).
  const redeemed = identity.store.redeemCode(input.code);
  if (!redeemed.ok) throw new OAuthError("invalid_grant", redeemed.reason);
  const code = redeemed.code;
  if (code.clientId !== client.clientId) throw new OAuthError("invalid_grant", "code was issued to another client");
  if (input.redirect_uri !== code.redirectUri) {
    throw new OAuthError("invalid_grant", "redirect_uri does not match the authorize request");
  }
  if (code.codeChallenge && code.codeChallengeMethod) {
    if (!input.code_verifier) throw new OAuthError("invalid_grant", "code_verifier is required");
    if (!verifierMatches(code.codeChallengeMethod, code.codeChallenge, input.code_verifier)) {
      throw new OAuthError("invalid_grant", "code_verifier does not match the code_challenge");
    }
  }
  const grant = identity.store.createGrant({
    clientId: client.clientId,
    userId: code.userId,
    scopes: code.scopes,
    authEventId: code.authEventId,
  });
  identity.stats.recordGrant("authorization_code", client.clientId);
  return issueTokenSet(identity, grant, { nonce: code.nonce });
}

/**
 * Rotates the refresh token: the presented one is marked rotated and keeps working for the grace
 * period (so a client that lost the answer can retry), then answers `invalid_grant`.
 */
export async function grantRefreshToken(
  identity: Identity,
  client: SandboxClient,
  input: { refresh_token?: string },
): Promise<TokenSetResponse> {
  if (!input.refresh_token) throw new OAuthError("invalid_request", "refresh_token is required");
  const { store, config } = identity;
  const record = store.findRefreshToken(input.refresh_token);
  const grant = record && store.findGrant(record.grantId);
  const now = Date.now();
  if (!record || !grant) throw new OAuthError("invalid_grant", "unknown refresh token");
  if (grant.clientId !== client.clientId)
    throw new OAuthError("invalid_grant", "refresh token belongs to another client");
  if (record.revokedAt !== null || grant.revokedAt !== null)
    throw new OAuthError("invalid_grant", "refresh token revoked");
  if (record.expiresAt <= now) throw new OAuthError("invalid_grant", "refresh token expired");
  if (record.rotatedAt !== null && record.rotatedAt + config.tokens.refreshGraceSeconds * 1000 <= now) {
    throw new OAuthError("invalid_grant", "refresh token was rotated and its grace period is over");
  }
  store.markRotated(record);
  identity.stats.recordGrant("refresh_token", client.clientId);
  return issueTokenSet(identity, grant);
}
