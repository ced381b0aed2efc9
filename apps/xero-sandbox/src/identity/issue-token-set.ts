import { randomUUID } from "node:crypto";
import type { SandboxConfig } from "../config";
import type { Grant, IdentityStore } from "./identity-store";
import type { SigningKey } from "./signing-keys";

// Builds the token endpoint's answer for a grant, with the claims Xero puts in its tokens.

export interface TokenSetResponse {
  access_token: string;
  expires_in: number;
  token_type: "Bearer";
  scope: string;
  refresh_token?: string;
  id_token?: string;
}

export interface TokenIssuer {
  config: SandboxConfig;
  store: IdentityStore;
  signingKey: SigningKey;
}

/** Access tokens are meant for Xero's APIs, not for the app: their audience is the resources URL. */
export function accessTokenAudience(config: Pick<SandboxConfig, "baseUrl">): string {
  return `${config.baseUrl}/resources`;
}

export async function issueTokenSet(
  issuer: TokenIssuer,
  grant: Grant,
  options: { nonce?: string | null; accessTokenTtlSeconds?: number } = {},
): Promise<TokenSetResponse> {
  const { config, store, signingKey } = issuer;
  const user = store.findUser(grant.userId);
  if (!user) throw new Error(`grant ${grant.grantId} belongs to an unknown user`);
  const nowSeconds = Math.floor(Date.now() / 1000);
  const ttl = options.accessTokenTtlSeconds ?? config.tokens.accessTokenTtlSeconds;
  const jti = randomUUID().replaceAll("-", "").toUpperCase();
  const sessionId = grant.grantId.replaceAll("-", "");

  const accessToken = await signingKey.sign(
    {
      iss: config.baseUrl,
      aud: accessTokenAudience(config),
      nbf: nowSeconds,
      iat: nowSeconds,
      client_id: grant.clientId,
      sub: user.userId.replaceAll("-", ""),
      auth_time: Math.floor(grant.createdAt / 1000),
      xero_userid: user.userId,
      global_session_id: sessionId,
      sid: sessionId,
      jti,
      authentication_event_id: grant.authEventId,
      scope: grant.scopes,
      amr: ["pwd"],
    },
    nowSeconds + ttl,
  );
  store.registerAccessToken(jti, grant.grantId, (nowSeconds + ttl) * 1000);

  const response: TokenSetResponse = {
    access_token: accessToken,
    expires_in: ttl,
    token_type: "Bearer",
    scope: grant.scopes.join(" "),
  };
  if (grant.scopes.includes("offline_access")) {
    response.refresh_token = store.issueRefreshToken(grant.grantId, config.tokens.refreshTokenTtlSeconds);
  }
  if (grant.scopes.includes("openid")) {
    const profile = grant.scopes.includes("profile");
    const email = grant.scopes.includes("email");
    response.id_token = await signingKey.sign(
      {
        iss: config.baseUrl,
        aud: grant.clientId,
        nbf: nowSeconds,
        iat: nowSeconds,
        auth_time: Math.floor(grant.createdAt / 1000),
        sub: user.userId.replaceAll("-", ""),
        xero_userid: user.userId,
        global_session_id: sessionId,
        sid: sessionId,
        ...(options.nonce ? { nonce: options.nonce } : {}),
        ...(profile
          ? {
              preferred_username: user.email,
              given_name: user.givenName,
              family_name: user.familyName,
              name: `${user.givenName} ${user.familyName}`,
            }
          : {}),
        ...(email ? { email: user.email } : {}),
      },
      nowSeconds + 5 * 60,
    );
  }
  return response;
}
