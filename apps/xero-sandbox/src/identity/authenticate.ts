import type { FastifyRequest } from "fastify";
import { errors } from "jose";
import type { SandboxConfig } from "../config";
import type { IdentityStore } from "./identity-store";
import { accessTokenAudience } from "./issue-token-set";
import type { SigningKey } from "./signing-keys";

/**
 * Verifies the request's Bearer access token (signature, expiry, not revoked) and returns the
 * tenants this user has connected to this app: Xero keeps connections server-side, not in the
 * token, so a connection deleted a second ago is gone for tokens issued before. `detail` is the
 * text Xero puts in its 401 problem body.
 */
export type Authenticate = (request: FastifyRequest) => Promise<
  | {
      ok: true;
      clientId: string;
      userId: string;
      scopes: string[];
      tenantIds: string[];
      connectionIds: string[];
    }
  | { ok: false; detail: string }
>;

const UNSUCCESSFUL = { ok: false, detail: "AuthenticationUnsuccessful" } as const;

function tokenExpired(at: number) {
  return { ok: false, detail: `TokenExpired: token expired at ${new Date(at).toUTCString()}` } as const;
}

export function createAuthenticate(deps: {
  config: SandboxConfig;
  store: IdentityStore;
  signingKey: SigningKey;
}): Authenticate {
  const expected = { issuer: deps.config.baseUrl, audience: accessTokenAudience(deps.config) };
  return async (request) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
    if (!match?.[1]) return UNSUCCESSFUL;
    let payload: Awaited<ReturnType<SigningKey["verify"]>>;
    try {
      payload = await deps.signingKey.verify(match[1], expected);
    } catch (error) {
      if (error instanceof errors.JWTExpired && typeof error.payload.exp === "number") {
        return tokenExpired(error.payload.exp * 1000);
      }
      return UNSUCCESSFUL;
    }
    const status = typeof payload.jti === "string" ? deps.store.accessTokenStatus(payload.jti) : undefined;
    if (status?.state === "expired") return tokenExpired(status.expiredAt);
    if (status?.state !== "live") return UNSUCCESSFUL;
    const { grant } = status;
    const connections = deps.store.connectionsOf(grant.userId, grant.clientId);
    return {
      ok: true,
      clientId: grant.clientId,
      userId: grant.userId,
      scopes: grant.scopes,
      tenantIds: connections.map((connection) => connection.tenantId),
      connectionIds: connections.map((connection) => connection.id),
    };
  };
}
