import Fastify, { type FastifyInstance } from "fastify";

export interface SandboxOptions {
  /** The public base URL of the sandbox, used as issuer and in discovery (no trailing slash). */
  baseUrl: string;
}

/** Builds the sandbox server: identity (OAuth 2.0 / OIDC), /connections and the Accounting API. */
export function buildSandbox(options: SandboxOptions): FastifyInstance {
  const app = Fastify({ logger: false });
  const issuer = options.baseUrl;

  app.get("/.well-known/openid-configuration", async () => ({
    issuer,
    authorization_endpoint: `${issuer}/identity/connect/authorize`,
    token_endpoint: `${issuer}/connect/token`,
    userinfo_endpoint: `${issuer}/connect/userinfo`,
    revocation_endpoint: `${issuer}/connect/revocation`,
    jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    code_challenge_methods_supported: ["plain", "S256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
  }));

  return app;
}
