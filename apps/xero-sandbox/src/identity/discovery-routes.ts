import type { FastifyInstance } from "fastify";
import type { Identity } from "./create-identity";
import { ACCOUNTING_SCOPES, OPENID_SCOPES } from "./scopes";

/** The OpenID Connect discovery document and the JWKS its `jwks_uri` points to. */
export function registerDiscoveryRoutes(app: FastifyInstance, identity: Identity): void {
  const issuer = identity.config.baseUrl;

  app.get("/.well-known/openid-configuration", async () => ({
    issuer,
    jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
    authorization_endpoint: `${issuer}/identity/connect/authorize`,
    token_endpoint: `${issuer}/connect/token`,
    userinfo_endpoint: `${issuer}/connect/userinfo`,
    revocation_endpoint: `${issuer}/connect/revocation`,
    scopes_supported: [...OPENID_SCOPES, ...ACCOUNTING_SCOPES],
    claims_supported: [
      "sub",
      "xero_userid",
      "global_session_id",
      "preferred_username",
      "email",
      "given_name",
      "family_name",
      "name",
    ],
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    code_challenge_methods_supported: ["plain", "S256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
  }));

  app.get("/.well-known/openid-configuration/jwks", async () => identity.signingKey.jwks());
}
