import { decodeJwt } from "jose";
import type * as oidc from "openid-client";

/** What the app keeps of a Xero token answer. */
export interface XeroTokenSet {
  accessToken: string;
  /** Absent only when `offline_access` was not granted. */
  refreshToken: string | null;
  idToken: string | null;
  expiresAt: Date;
  scopes: string[];
  /** Identifies the consent that produced the token: `GET /connections?authEventId=` lists its tenants. */
  authEventId: string | null;
  /** The Xero user who consented (`xero_userid`). */
  xeroUserId: string | null;
}

/**
 * The access token's claims, read without verification: the token is addressed to Xero's APIs, not
 * to us, and came straight from Xero's token endpoint over TLS.
 */
function accessTokenClaims(accessToken: string): Record<string, unknown> {
  try {
    return decodeJwt(accessToken);
  } catch {
    return {}; // Xero may one day issue opaque access tokens; the claims are only a convenience
  }
}

export function toXeroTokenSet(response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): XeroTokenSet {
  const claims = accessTokenClaims(response.access_token);
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? null,
    idToken: response.id_token ?? null,
    expiresAt: new Date(Date.now() + (response.expiresIn() ?? 0) * 1000),
    scopes: (response.scope ?? "").split(/\s+/).filter(Boolean),
    authEventId: text(claims.authentication_event_id),
    xeroUserId: text(claims.xero_userid) ?? text(response.claims()?.xero_userid),
  };
}
