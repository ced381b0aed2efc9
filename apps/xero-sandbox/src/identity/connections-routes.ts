import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Ledger } from "../accounting";
import { parseInput } from "../http/parse-input";
import { identityProblem } from "../http/problem-json";
import type { Identity } from "./create-identity";
import type { TenantConnection } from "./identity-store";

// `GET /connections` and `DELETE /connections/{id}` (xero-identity.yaml): the organisations this
// user has connected to this app. Paths match case-insensitively, so `/Connections` works too.

type Organisation = ReturnType<Ledger["organisations"]>[number];

const listQuerySchema = z.object({ authEventId: z.string().optional() });

/** Xero writes these dates without a zone and with 7 fractional digits: `2019-12-07T18:46:19.5165400`. */
function xeroUtcDate(iso: string): string {
  return iso.replace(/Z$/, "0000");
}

export function registerConnectionsRoutes(app: FastifyInstance, deps: { identity: Identity; ledger: Ledger }): void {
  const { identity, ledger } = deps;

  const present = (connection: TenantConnection, organisation: Organisation) => ({
    id: connection.id,
    authEventId: connection.authEventId,
    tenantId: connection.tenantId,
    tenantType: organisation.tenantType,
    tenantName: organisation.name,
    createdDateUtc: xeroUtcDate(connection.createdDateUtc),
    updatedDateUtc: xeroUtcDate(connection.updatedDateUtc),
  });

  app.get("/connections", async (request, reply) => {
    const auth = await identity.authenticate(request);
    if (!auth.ok) return reply.code(401).send(identityProblem(401, auth.detail));
    const query = parseInput(listQuerySchema, request.query, reply);
    if (!query) return;
    const organisations = new Map(ledger.organisations().map((org) => [org.tenantId, org]));
    return identity.store.connectionsOf(auth.userId, auth.clientId).flatMap((connection) => {
      const organisation = organisations.get(connection.tenantId);
      const wanted = !query.authEventId || connection.authEventId === query.authEventId;
      return organisation && wanted ? [present(connection, organisation)] : [];
    });
  });

  app.delete("/connections/:id", async (request, reply) => {
    const auth = await identity.authenticate(request);
    if (!auth.ok) return reply.code(401).send(identityProblem(401, auth.detail));
    const { id } = request.params as { id: string };
    const deleted = identity.store.deleteConnection({ id, userId: auth.userId, clientId: auth.clientId });
    return deleted ? reply.code(204).send() : reply.code(404).send(identityProblem(404, `No connection ${id}`));
  });
}
