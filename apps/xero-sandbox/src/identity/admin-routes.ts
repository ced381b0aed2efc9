import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Ledger } from "../accounting";
import { requireAdmin } from "../config";
import { parseInput } from "../http/parse-input";
import type { Identity } from "./create-identity";
import { issueTokenSet } from "./issue-token-set";
import { ALL_SCOPES, parseScopes } from "./scopes";

// Sandbox-only shortcuts for tests and benches, guarded by the admin secret: mint a token set as a
// completed consent would, end tokens early, and read the token endpoint's counters.

const mintTokensSchema = z.object({
  tenantIds: z.array(z.string().min(1)).min(1).optional(),
  scopes: z.array(z.string().min(1)).min(1).optional(),
  clientId: z.string().min(1).optional(),
  accessTokenTtlSeconds: z.number().int().positive().optional(),
  email: z.string().email().optional(),
});

const revokeGrantsSchema = z
  .object({ refreshToken: z.string().min(1).optional(), tenantId: z.string().min(1).optional() })
  .refine((body) => body.refreshToken || body.tenantId, { message: "give refreshToken or tenantId" });

const expireTokensSchema = z
  .object({
    tenantId: z.string().min(1).optional(),
    connectionId: z.string().min(1).optional(),
    grantId: z.string().min(1).optional(),
  })
  .refine((body) => body.tenantId || body.connectionId || body.grantId, {
    message: "give tenantId, connectionId or grantId",
  });

const grantConnectionsSchema = z.object({ grantId: z.string().min(1) });

export function registerIdentityAdminRoutes(app: FastifyInstance, deps: { identity: Identity; ledger: Ledger }): void {
  const { identity, ledger } = deps;
  const { config, store } = identity;
  const preHandler = requireAdmin(config);

  app.post("/sandbox/admin/tokens", { preHandler }, async (request, reply) => {
    const body = parseInput(mintTokensSchema, request.body, reply);
    if (!body) return;
    const known = ledger.organisations().map((organisation) => organisation.tenantId);
    const tenantIds = body.tenantIds ?? known;
    const unknownTenants = tenantIds.filter((tenantId) => !known.includes(tenantId));
    if (unknownTenants.length > 0) {
      return reply
        .code(400)
        .send({ error: "invalid_request", message: `tenantIds: unknown ${unknownTenants.join(", ")}` });
    }
    const scopes = parseScopes(body.scopes ?? [...ALL_SCOPES]);
    if (!scopes.ok) {
      return reply.code(400).send({ error: "invalid_scope", message: `scopes: unknown ${scopes.unknown.join(", ")}` });
    }
    const clientId = body.clientId ?? config.clients[0]!.clientId;
    if (!config.clients.some((client) => client.clientId === clientId)) {
      return reply.code(400).send({ error: "invalid_request", message: `clientId: no registered client ${clientId}` });
    }

    const user = store.findOrCreateUser(body.email ?? `minted-${randomUUID()}@sandbox.test`);
    const authEventId = randomUUID();
    store.connectTenants({ userId: user.userId, clientId, tenantIds, authEventId });
    const grant = store.createGrant({ clientId, userId: user.userId, scopes: scopes.scopes, authEventId });
    const tokenSet = await issueTokenSet(identity, grant, { accessTokenTtlSeconds: body.accessTokenTtlSeconds });
    identity.stats.recordGrant("admin_mint", clientId);
    return {
      access_token: tokenSet.access_token,
      refresh_token: tokenSet.refresh_token,
      expires_in: tokenSet.expires_in,
      tenantIds,
      scope: tokenSet.scope,
      grantId: grant.grantId,
    };
  });

  app.post("/sandbox/admin/grants/revoke", { preHandler }, async (request, reply) => {
    const body = parseInput(revokeGrantsSchema, request.body, reply);
    if (!body) return;
    const grantIds = new Set<string>();
    if (body.refreshToken) {
      const record = store.findRefreshToken(body.refreshToken);
      if (record) grantIds.add(record.grantId);
    }
    if (body.tenantId) for (const grant of store.grantsOfTenant(body.tenantId)) grantIds.add(grant.grantId);
    for (const grantId of grantIds) store.revokeGrant(grantId);
    return { revokedGrantIds: [...grantIds] };
  });

  app.post("/sandbox/admin/tokens/expire", { preHandler }, async (request, reply) => {
    const body = parseInput(expireTokensSchema, request.body, reply);
    if (!body) return;
    const grants = [
      ...(body.grantId ? [store.findGrant(body.grantId)] : []),
      ...(body.tenantId ? store.grantsOfTenant(body.tenantId) : []),
      ...(body.connectionId ? store.grantsOfConnection(body.connectionId) : []),
    ];
    let expired = 0;
    for (const grant of grants) if (grant) expired += store.expireAccessTokens(grant.grantId);
    return { expiredAccessTokens: expired };
  });

  app.get("/sandbox/admin/grants/:grantId/connections", { preHandler }, async (request, reply) => {
    const params = parseInput(grantConnectionsSchema, request.params, reply);
    if (!params) return;
    const grant = store.findGrant(params.grantId);
    if (!grant) return reply.code(404).send({ error: "not_found", message: `grantId: no grant ${params.grantId}` });
    return store.connectionsOf(grant.userId, grant.clientId);
  });

  app.get("/sandbox/admin/stats", { preHandler }, async () => identity.stats.toJSON());
}
