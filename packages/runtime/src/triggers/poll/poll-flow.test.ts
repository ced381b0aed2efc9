import { randomBytes, randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { CallDeferredError, type ClientRequest, defineConnector, type PolledRecord } from "@ledgerflow/engine";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createConnectorRegistry } from "../../connectors/connector-registry";
import { getFlowForEditor } from "../../flows/presenters/get-flow-for-editor";
import { armPoll, disarmPoll } from "./arm-poll";
import { pollFlow } from "./poll-flow";

// One poll of one flow, against a connector of the test's own declared only through the contract
// (as load-trigger-sample.test.ts does), on real rows, the real run queue and the real rate limiter.

interface ShopClient {
  changesSince(since: string): Promise<PolledRecord[]>;
}

const suffix = randomUUID().slice(0, 8);
const key = `shop${suffix}`;
/** The shop's order changes, as its API would list them. */
let changes: PolledRecord[] = [];
let refusal: Error | null = null;
let asked: string[] = [];

const change = (id: string, status: string, at: string): PolledRecord => ({
  key: `${id}:${at}`,
  recordKey: `ORDER:${id}`,
  changedAt: at,
  record: { id, status },
  state: { status },
});

const shop = defineConnector<ShopClient>({
  key,
  title: "Shop",
  auth: { kind: "oauth2", accountNoun: "store" },
  actions: [],
  triggers: [
    {
      key: `${key}.order.shipped`,
      title: "Order shipped",
      description: "Runs when an order's status becomes shipped.",
      group: "Orders",
      fields: [],
      sample: {},
      source: {
        kind: "polling",
        async poll({ client, cursor }) {
          const records = await client.changesSince(cursor.since);
          const newest = records.at(-1)?.changedAt ?? cursor.since;
          return { records, cursor: { since: newest } };
        },
        eventOf: ({ polled, previous, account }) => ({
          order: polled.record.id,
          shop: account,
          topic: previous ? "orders/updated" : "orders/created",
        }),
        fires: ({ record, previous }) => record.status === "shipped" && previous?.status !== "shipped",
      },
    },
  ],
  optionLoaders: {},
  limits: { perAccount: { concurrent: 1, perMinute: 0, perDay: 0 }, perApp: { perMinute: 0 } },
  async createClient({ connectionId, acquireCallSlot }: ClientRequest) {
    return {
      async changesSince(since) {
        const release = await acquireCallSlot(`store-${connectionId}`);
        try {
          asked.push(since);
          if (refusal) throw refusal;
          return changes.filter((found) => found.changedAt >= since);
        } finally {
          await release();
        }
      },
    };
  },
});
const connectors = createConnectorRegistry([shop]);

const user = await prisma.user.create({ data: { email: `poll-${suffix}@example.test`, name: "Poller" } });
const workspace = await prisma.workspace.create({
  data: { name: `Polls ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
});
const workspaceId = workspace.id;
const connection = await prisma.connection.create({
  data: { workspaceId, provider: key, externalId: `store-${suffix}`, name: "Corner Shop", createdById: user.id },
});
afterAll(async () => {
  await prisma.workspace.delete({ where: { id: workspaceId } });
  await prisma.user.delete({ where: { id: user.id } });
});
beforeEach(() => {
  changes = [];
  refusal = null;
  asked = [];
});

/** A switched-on flow of "Order shipped", its rows written directly (publishing checks the app's registry), armed from `since`. */
async function pollingFlow(since: string) {
  const trigger = { type: "event", config: { event: `${key}.order.shipped`, connectionId: connection.id, input: {} } };
  const flow = await prisma.flow.create({
    data: {
      workspaceId,
      name: "Flow",
      draft: {},
      webhookToken: randomBytes(32).toString("base64url"),
      createdById: user.id,
    },
  });
  const version = await prisma.flowVersion.create({
    data: {
      workspaceId,
      flowId: flow.id,
      number: 1,
      definition: { schemaVersion: 2, trigger, steps: [] },
      createdById: user.id,
    },
  });
  await prisma.flow.update({ where: { id: flow.id }, data: { publishedVersionId: version.id, enabled: true } });
  await armPoll(flow, { triggerKey: `${key}.order.shipped`, connectionId: connection.id });
  await prisma.triggerCursor.update({ where: { flowId: flow.id }, data: { since: new Date(since) } });
  return flow;
}

const poll = (flowId: string) => pollFlow({ flowId, workspaceId, connectors });
const runsOf = (flowId: string) => prisma.run.findMany({ where: { flowId }, orderBy: { createdAt: "asc" } });
const cursorOf = (flowId: string) => prisma.triggerCursor.findUniqueOrThrow({ where: { flowId } });

describe("pollFlow", () => {
  it("runs each change its trigger fires on once, judged against the record's previous state, and moves the cursor", async () => {
    const flow = await pollingFlow("2026-12-01T10:00:00.000Z");
    changes = [change("A", "open", "2026-12-01T10:01:00.000Z"), change("B", "shipped", "2026-12-01T10:02:00.000Z")];
    expect(await poll(flow.id)).toEqual({ outcome: "polled", found: 2, runs: 1 });
    expect(asked).toEqual(["2026-12-01T10:00:00.000Z"]);
    expect((await cursorOf(flow.id)).since.toISOString()).toBe("2026-12-01T10:02:00.000Z");

    // B is listed again (its change is at the cursor) and A became shipped.
    changes.push(change("A", "shipped", "2026-12-01T10:03:00.000Z"));
    expect(await poll(flow.id)).toEqual({ outcome: "polled", found: 2, runs: 1 });
    const runs = await runsOf(flow.id);
    expect(runs.map((run) => run.trigger)).toEqual([
      expect.objectContaining({
        type: "event",
        trigger: `${key}.order.shipped`,
        connectionId: connection.id,
        event: { order: "B", shop: `store-${suffix}`, topic: "orders/created" },
        record: { id: "B", status: "shipped" },
        previous: null,
      }),
      expect.objectContaining({
        event: { order: "A", shop: `store-${suffix}`, topic: "orders/updated" },
        record: { id: "A", status: "shipped" },
        previous: { status: "open" },
      }),
    ]);
    expect(runs.map((run) => run.source)).toEqual(["EVENT", "EVENT"]);
  });

  it("finds the run it made when a crash lost what it remembered of the record (no second run)", async () => {
    const flow = await pollingFlow("2026-12-01T10:00:00.000Z");
    changes = [change("C", "shipped", "2026-12-01T10:05:00.000Z")];
    await poll(flow.id);
    await prisma.polledRecordState.deleteMany({ where: { flowId: flow.id } });
    await prisma.triggerCursor.update({
      where: { flowId: flow.id },
      data: { since: new Date("2026-12-01T10:00:00Z") },
    });
    await poll(flow.id);
    expect(await runsOf(flow.id)).toHaveLength(1);
  });

  it("waits out a rate limit without moving its cursor, and says why", async () => {
    const flow = await pollingFlow("2026-12-01T10:00:00.000Z");
    changes = [change("D", "shipped", "2026-12-01T10:06:00.000Z")];
    refusal = new CallDeferredError("the Shop's per-minute limit", 2_500);
    expect(await poll(flow.id)).toEqual({ outcome: "deferred", retryInMs: 2_500 });
    const cursor = await cursorOf(flow.id);
    expect(cursor).toMatchObject({ leaseUntil: null, lastFailure: "Waiting for the Shop's per-minute limit." });
    expect(cursor.since.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(await runsOf(flow.id)).toHaveLength(0);
    // The editor tells the flow's editors why it has not looked yet.
    const shown = await getFlowForEditor({ workspaceId, flowId: flow.id, role: "VIEWER" });
    expect(shown.polling).toEqual({ lastPolledAt: cursor.lastPolledAt, lastFailure: cursor.lastFailure });

    refusal = null;
    expect(await poll(flow.id)).toEqual({ outcome: "polled", found: 1, runs: 1 });
    expect((await cursorOf(flow.id)).lastFailure).toBeNull();
  });

  it("does not poll a flow switched off, disarmed, or held by another poll", async () => {
    const flow = await pollingFlow("2026-12-01T10:00:00.000Z");
    await prisma.triggerCursor.update({
      where: { flowId: flow.id },
      data: { leaseUntil: new Date(Date.now() + 60_000) },
    });
    expect(await poll(flow.id)).toMatchObject({ outcome: "idle" });
    await disarmPoll(flow.id);
    expect(await poll(flow.id)).toMatchObject({ outcome: "idle" });
    await prisma.flow.update({ where: { id: flow.id }, data: { enabled: false } });
    expect(await poll(flow.id)).toEqual({ outcome: "idle", reason: "the flow is switched off" });
    expect(asked).toEqual([]);
  });
});

describe("armPoll", () => {
  it("starts from now, keeps the cursor when the flow is published again, and starts over for another connection", async () => {
    const flow = await pollingFlow("2026-11-01T00:00:00.000Z");
    await armPoll(flow, { triggerKey: `${key}.order.shipped`, connectionId: connection.id, includeRecentDays: 3 });
    expect((await cursorOf(flow.id)).since.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    const before = Date.now();
    await armPoll(flow, { triggerKey: `${key}.order.shipped`, connectionId: "another", includeRecentDays: 3 });
    const since = (await cursorOf(flow.id)).since.getTime();
    expect(since).toBeGreaterThanOrEqual(before - 3 * 86_400_000 - 1_000);
    expect(since).toBeLessThanOrEqual(Date.now() - 3 * 86_400_000);
    await disarmPoll(flow.id);
  });
});
