import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { SandboxClient, SandboxConfig } from "../config";
import { OAuthError } from "./oauth-error";

// Client authentication at the token and revocation endpoints: `client_secret_basic` (HTTP Basic,
// id and secret form-urlencoded first, per RFC 6749 §2.3.1) or `client_secret_post` (body fields).

function formDecode(value: string): string {
  return decodeURIComponent(value.replaceAll("+", " "));
}

function credentialsFrom(request: FastifyRequest, body: Record<string, unknown>): { id?: string; secret?: string } {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? "");
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon === -1) return {};
    try {
      return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
    } catch {
      return {};
    }
  }
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return { id: text(body.client_id), secret: text(body.client_secret) };
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The authenticated client; throws `invalid_client` (401) for a missing, unknown or wrong one. */
export function authenticateClient(
  request: FastifyRequest,
  body: Record<string, unknown>,
  config: Pick<SandboxConfig, "clients">,
): SandboxClient {
  const { id, secret } = credentialsFrom(request, body);
  const client = config.clients.find((candidate) => candidate.clientId === id);
  if (!client || secret === undefined || !sameSecret(secret, client.clientSecret)) {
    throw new OAuthError("invalid_client", "client authentication failed");
  }
  return client;
}
