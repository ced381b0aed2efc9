import type { FastifyReply } from "fastify";

/** An RFC 6749 error answer of the token and revocation endpoints: `{ error, error_description }`. */
export class OAuthError extends Error {
  constructor(
    readonly error: "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type" | "invalid_scope",
    readonly description: string,
    readonly status = error === "invalid_client" ? 401 : 400,
  ) {
    super(`${error}: ${description}`);
  }

  send(reply: FastifyReply): FastifyReply {
    // Xero answers a bad grant with just `{"error":"invalid_grant"}`; the description helps tests read failures.
    return reply
      .code(this.status)
      .header("cache-control", "no-store")
      .send({ error: this.error, error_description: this.description });
  }
}
