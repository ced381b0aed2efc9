import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { identityProblem } from "../http/problem-json";
import { authenticateClient } from "./client-authentication";
import type { Identity } from "./create-identity";
import { OAuthError } from "./oauth-error";
import { grantAuthorizationCode, grantRefreshToken } from "./token-grants";

// The token, revocation and userinfo endpoints. The first two take form posts with client
// authentication; userinfo takes the Bearer access token.

const tokenRequestSchema = z.object({
  grant_type: z.string().optional(),
  code: z.string().optional(),
  redirect_uri: z.string().optional(),
  code_verifier: z.string().optional(),
  refresh_token: z.string().optional(),
});

const revocationRequestSchema = z.object({ token: z.string().optional() });

function formBody(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new OAuthError("invalid_request", "send the parameters as an application/x-www-form-urlencoded body");
  }
  return body as Record<string, unknown>;
}

function parseForm<Schema extends z.ZodType>(schema: Schema, body: Record<string, unknown>): z.infer<Schema> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join(".") ?? "body";
    throw new OAuthError("invalid_request", `${field} must be given once, as text`);
  }
  return parsed.data;
}

async function answerOAuth(reply: FastifyReply, identity: Identity, handle: () => Promise<unknown>) {
  try {
    const result = await handle();
    return reply.header("cache-control", "no-store").send(result);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    identity.stats.recordRefusal(error.error);
    return error.send(reply);
  }
}

export function registerTokenRoutes(app: FastifyInstance, identity: Identity): void {
  const { config, store } = identity;

  app.post("/connect/token", async (request, reply) =>
    answerOAuth(reply, identity, async () => {
      const body = formBody(request.body);
      const client = authenticateClient(request, body, config);
      const input = parseForm(tokenRequestSchema, body);
      if (input.grant_type === "authorization_code") return grantAuthorizationCode(identity, client, input);
      if (input.grant_type === "refresh_token") return grantRefreshToken(identity, client, input);
      throw new OAuthError("unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
    }),
  );

  // RFC 7009: the answer is 200 whether or not the token was known. As at Xero, revoking a refresh
  // token ends the whole grant and removes the tenant connections the user gave this app.
  app.post("/connect/revocation", async (request, reply) =>
    answerOAuth(reply, identity, async () => {
      const body = formBody(request.body);
      const client = authenticateClient(request, body, config);
      const { token } = parseForm(revocationRequestSchema, body);
      if (!token) throw new OAuthError("invalid_request", "token is required");
      const record = store.findRefreshToken(token);
      const grant = record && store.findGrant(record.grantId);
      if (grant && grant.clientId === client.clientId) {
        store.revokeGrant(grant.grantId);
        store.removeConnectionsOf(grant.userId, grant.clientId);
      }
      return {};
    }),
  );

  app.get("/connect/userinfo", async (request, reply) => {
    const auth = await identity.authenticate(request);
    if (!auth.ok) return reply.code(401).header("www-authenticate", "Bearer").send(identityProblem(401, auth.detail));
    const user = store.findUser(auth.userId);
    if (!user) return reply.code(401).send(identityProblem(401, "AuthenticationUnsuccessful"));
    const profile = auth.scopes.includes("profile");
    return {
      sub: user.userId.replaceAll("-", ""),
      xero_userid: user.userId,
      ...(profile
        ? {
            preferred_username: user.email,
            given_name: user.givenName,
            family_name: user.familyName,
            name: `${user.givenName} ${user.familyName}`,
          }
        : {}),
      ...(auth.scopes.includes("email") ? { email: user.email } : {}),
    };
  });
}
