import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { Ledger } from "../accounting";
import { type AuthorizationRequest, checkAuthorizationRequest, redirectLocation } from "./authorization-request";
import { renderConsentPage, renderErrorPage } from "./consent-page";
import type { Identity } from "./create-identity";
import { DEMO_USERS } from "./identity-store";
import { needsTenants } from "./scopes";

// The authorize endpoint: GET shows the consent page, the form posts back here, and the browser is
// sent to the app with a code (Allow) or `error=access_denied` (Deny). As at Xero, tenant
// connections are made at consent, before the app has even exchanged the code.

const consentFormSchema = z.object({
  decision: z.enum(["allow", "deny"]),
  email: z.string().trim().optional(),
  tenantIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});

export function registerAuthorizeRoutes(app: FastifyInstance, deps: { identity: Identity; ledger: Ledger }): void {
  const { identity, ledger } = deps;
  const { config, store } = identity;

  /** Validates the request; on failure answers (error page or redirect) and returns undefined. */
  const checked = (input: unknown, reply: FastifyReply): AuthorizationRequest | undefined => {
    const check = checkAuthorizationRequest(input, config);
    if (check.kind === "error-page") void reply.code(400).type("text/html").send(renderErrorPage(check.message));
    if (check.kind === "redirect-error") void reply.redirect(check.location, 302);
    return check.kind === "ok" ? check.request : undefined;
  };
  const consentPage = (reply: FastifyReply, request: AuthorizationRequest, extra: object = {}) =>
    reply
      .type("text/html")
      .header("cache-control", "no-store")
      .send(renderConsentPage({ request, organisations: ledger.organisations(), demoUsers: DEMO_USERS, ...extra }));

  app.get("/identity/connect/authorize", async (request, reply) => {
    const authorization = checked(request.query, reply);
    if (authorization) return consentPage(reply, authorization);
  });

  app.post("/identity/connect/authorize", async (request, reply) => {
    const authorization = checked(request.body, reply);
    if (!authorization) return;
    const form = consentFormSchema.safeParse(request.body);
    if (!form.success) return consentPage(reply.code(400), authorization, { error: "Choose Allow or Deny." });
    const { decision, email, tenantIds } = form.data;
    const state = authorization.state;

    if (decision === "deny") {
      return reply.redirect(redirectLocation(authorization.redirectUri, { error: "access_denied", state }), 302);
    }
    if (!email || !z.email().safeParse(email).success) {
      return consentPage(reply.code(400), authorization, {
        email,
        checkedTenantIds: tenantIds,
        error: "Enter a valid email address to sign in.",
      });
    }
    const known = new Set(ledger.organisations().map((organisation) => organisation.tenantId));
    const chosen = tenantIds.filter((tenantId) => known.has(tenantId));
    if (needsTenants(authorization.scopes) && chosen.length === 0) {
      return consentPage(reply.code(400), authorization, {
        email,
        checkedTenantIds: [],
        error: "Tick at least one organisation to connect.",
      });
    }

    const user = store.findOrCreateUser(email);
    const authEventId = randomUUID();
    if (chosen.length > 0) {
      store.connectTenants({
        userId: user.userId,
        clientId: authorization.client.clientId,
        tenantIds: chosen,
        authEventId,
      });
    }
    const code = store.createCode({
      clientId: authorization.client.clientId,
      redirectUri: authorization.redirectUri,
      userId: user.userId,
      scopes: authorization.scopes,
      authEventId,
      nonce: authorization.nonce,
      codeChallenge: authorization.codeChallenge,
      codeChallengeMethod: authorization.codeChallengeMethod,
      expiresAt: Date.now() + config.tokens.authorizationCodeTtlSeconds * 1000,
    });
    return reply.redirect(
      redirectLocation(authorization.redirectUri, {
        code,
        scope: authorization.scopes.join(" "),
        state,
        session_state: randomUUID().replaceAll("-", ""),
      }),
      302,
    );
  });
}
