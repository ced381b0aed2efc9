import { prisma, type Role } from "@ledgerflow/db";
import { ForbiddenError } from "../../errors/domain-errors";

/** How many of the latest deliveries the settings page lists. */
export const LATEST_DELIVERIES = 20;

export interface ListConnectorDeliveriesInput {
  /** The caller's role in their workspace: only an owner may see the app's deliveries. */
  role: Role;
  /** The connector's key (`xero`). */
  provider: string;
  limit?: number;
}

/**
 * What a connector's provider has pushed to the app, for the operator's settings page: totals and
 * the latest deliveries, newest first. Every row is a signed delivery (the endpoint writes nothing
 * for an unsigned one, docs/ARCHITECTURE.md §6); `failure` is why a signed one was refused.
 *
 * Not scoped by workspace, unlike every other query: a provider delivers to one URL for the whole
 * app (Xero's webhook key belongs to the app, not to a workspace), and a delivery's events are
 * only tied to workspaces when they are fanned out to flows. So the rows belong to no workspace and
 * nothing here reads a workspace's data (no events, tenants or payloads: counts, times and why a
 * delivery was refused); instead the caller must be an owner, the role that runs the install.
 */
export async function listConnectorDeliveries({
  role,
  provider,
  limit = LATEST_DELIVERIES,
}: ListConnectorDeliveriesInput) {
  if (role !== "OWNER") throw new ForbiddenError("Only a workspace owner can see the app's webhook deliveries.");
  const [all, failures, eventsStored, eventsWaiting, eventsFailingToLoad, latest] = await Promise.all([
    prisma.connectorDelivery.aggregate({ where: { provider }, _count: { _all: true }, _sum: { eventCount: true } }),
    prisma.connectorDelivery.count({ where: { provider, failure: { not: null } } }),
    prisma.connectorEvent.count({ where: { provider } }),
    prisma.connectorEvent.count({ where: { provider, fannedOutAt: null } }),
    prisma.connectorEvent.count({ where: { provider, fannedOutAt: null, failure: { not: null } } }),
    prisma.connectorDelivery.findMany({
      where: { provider },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, receivedAt: true, eventCount: true, failure: true },
    }),
  ]);
  return {
    totals: {
      deliveries: all._count._all,
      failures,
      /** Events in accepted deliveries, redeliveries included. */
      eventsReceived: all._sum.eventCount ?? 0,
      /** Distinct events stored: a redelivered event is stored once. */
      eventsStored,
      /** Stored, not yet turned into runs (the fan-out's backlog). */
      eventsWaiting,
      /** Of those, the ones whose record the last try could not load (retried with backoff). */
      eventsFailingToLoad,
    },
    latest,
  };
}

export type ConnectorDeliveries = Awaited<ReturnType<typeof listConnectorDeliveries>>;
export type ConnectorDeliveryRow = ConnectorDeliveries["latest"][number];
