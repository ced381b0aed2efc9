import type { FastifyReply } from "fastify";

/**
 * An RFC 6749 error answer of the token and revocation endpoints. Like Xero, the body is just
 * `{"error":"invalid_grant"}` (or `invalid_client`, …): a client must not branch on why. Only a
 * malformed request also gets an `error_description`, naming the parameter to fix. The reason is
 * kept on the error (and its message) for the sandbox's own stats and debugging.
 */
export class OAuthError extends Error {
  constructor(
    readonly error: "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type" | "invalid_scope",
    readonly description: string,
    readonly status = error === "invalid_client" ? 401 : 400,
  ) {
    super(`${error}: ${description}`);
  }

  send(reply: FastifyReply): FastifyReply {
    const body =
      this.error === "invalid_request"
        ? { error: this.error, error_description: this.description }
        : { error: this.error };
    return reply.code(this.status).header("cache-control", "no-store").send(body);
  }
}
