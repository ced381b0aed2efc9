import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "../../errors/domain-errors";
import { listConnectorDeliveries } from "./list-connector-deliveries";

// Against the real database. Deliveries belong to no workspace, so this suite's rows are told apart
// by a provider key of their own (other suites write Xero's).
const provider = `test-${randomUUID()}`;
const other = `test-${randomUUID()}`;
const minute = 60_000;
const start = new Date("2026-04-01T09:00:00.000Z").getTime();

beforeAll(async () => {
  // 23 deliveries a minute apart: every fifth refused, the rest with 0–2 events.
  await prisma.connectorDelivery.createMany({
    data: Array.from({ length: 23 }, (_, index) => ({
      provider,
      receivedAt: new Date(start + index * minute),
      eventCount: index % 5 === 0 ? 0 : index % 3,
      failure: index % 5 === 0 ? `events[${index}].tenantId: Invalid input` : null,
    })),
  });
  // Four events: two fanned out, one waiting, one waiting after its record could not be loaded.
  await prisma.connectorEvent.createMany({
    data: Array.from({ length: 4 }, (_, index) => ({
      provider,
      dedupKey: `event-${index}`,
      accountExternalId: "tenant",
      payload: { index },
      fannedOutAt: index < 2 ? new Date(start) : null,
      ...(index === 3 ? { attempts: 2, failure: "Xero did not answer within 10 s." } : {}),
    })),
  });
  await prisma.connectorDelivery.create({ data: { provider: other, eventCount: 9, receivedAt: new Date(start) } });
});

afterAll(async () => {
  await prisma.connectorDelivery.deleteMany({ where: { provider: { in: [provider, other] } } });
  await prisma.connectorEvent.deleteMany({ where: { provider } });
});

describe("listConnectorDeliveries", () => {
  it("counts the provider's deliveries, failures and events, and lists the latest 20 newest first", async () => {
    const { totals, latest } = await listConnectorDeliveries({ role: "OWNER", provider });
    const eventCounts = Array.from({ length: 23 }, (_, index) => (index % 5 === 0 ? 0 : index % 3));
    expect(totals).toEqual({
      deliveries: 23,
      failures: 5,
      eventsReceived: eventCounts.reduce((sum, count) => sum + count, 0),
      eventsStored: 4,
      eventsWaiting: 2,
      eventsFailingToLoad: 1,
    });
    expect(latest).toHaveLength(20);
    expect(latest.map((row) => row.receivedAt.getTime())).toEqual(
      Array.from({ length: 20 }, (_, index) => start + (22 - index) * minute),
    );
    expect(latest[0]).toEqual({
      id: expect.any(String),
      receivedAt: new Date(start + 22 * minute),
      eventCount: 1,
      failure: null,
    });
    expect(latest.find((row) => row.receivedAt.getTime() === start + 20 * minute)?.failure).toBe(
      "events[20].tenantId: Invalid input",
    );
  });

  it("is empty for a provider nothing was delivered to", async () => {
    expect(await listConnectorDeliveries({ role: "OWNER", provider: `test-${randomUUID()}` })).toEqual({
      totals: {
        deliveries: 0,
        failures: 0,
        eventsReceived: 0,
        eventsStored: 0,
        eventsWaiting: 0,
        eventsFailingToLoad: 0,
      },
      latest: [],
    });
  });

  it("refuses editors and viewers: the deliveries are the whole app's", async () => {
    for (const role of ["EDITOR", "VIEWER"] as const) {
      await expect(listConnectorDeliveries({ role, provider })).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
