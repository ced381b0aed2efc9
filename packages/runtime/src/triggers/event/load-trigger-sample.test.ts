import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { type ClientRequest, defineConnector, StepError } from "@ledgerflow/engine";
import { afterAll, describe, expect, it } from "vitest";
import { connectorClient } from "../../connectors/client-for";
import { createConnectorRegistry } from "../../connectors/connector-registry";
import { InvalidInputError, RateLimitedError } from "../../errors/domain-errors";
import { loadTriggerSample } from "./load-trigger-sample";

// "Load a recent record" against a connector of the test's own, declared only through the contract
// (as connectors.test.ts does), on real connection rows and the real Redis rate limiter.

interface ShopClient {
  connectionId: string;
  /** The most recent order of the connection's shop: takes a call slot like every request. */
  latestOrder(status: unknown): Promise<Record<string, unknown> | null>;
  hold(): Promise<() => Promise<void>>;
}

const suffix = randomUUID().slice(0, 8);
const key = `shop${suffix}`;
const orders: Record<string, Record<string, unknown> | null> = {};
const failures: Record<string, StepError> = {};

const shop = defineConnector<ShopClient>({
  key,
  title: "Shop",
  auth: { kind: "oauth2", accountNoun: "store" },
  actions: [],
  triggers: [
    {
      key: `${key}.order.paid`,
      title: "Order paid",
      description: "Runs when an order is paid.",
      group: "Orders",
      fields: [],
      sample: { record: { number: "#1001" } },
      source: { kind: "instant", accepts: () => true },
      async loadSample({ client, input }) {
        const order = await client.latestOrder(input.status);
        return order ? { event: { topic: "orders/paid" }, record: order, previous: null } : null;
      },
    },
    {
      key: `${key}.order.created`,
      title: "New order",
      description: "Runs when an order is placed.",
      group: "Orders",
      fields: [],
      sample: {},
      source: { kind: "instant", accepts: () => true },
    },
  ],
  optionLoaders: {},
  limits: { perAccount: { concurrent: 1, perMinute: 0, perDay: 0 }, perApp: { perMinute: 0 } },
  async createClient({ connectionId, acquireCallSlot }: ClientRequest) {
    const hold = () => acquireCallSlot(`store-${connectionId}`);
    return {
      connectionId,
      hold,
      async latestOrder(status) {
        const release = await hold();
        try {
          if (failures[connectionId]) throw failures[connectionId];
          const order = orders[connectionId] ?? null;
          return order && { ...order, askedFor: status };
        } finally {
          await release();
        }
      },
    };
  },
});
const registry = createConnectorRegistry([shop]);

const user = await prisma.user.create({ data: { email: `trigger-sample-${suffix}@example.test`, name: "Sampler" } });
const [workspace, otherWorkspace] = await Promise.all(
  ["Ours", "Theirs"].map((name) =>
    prisma.workspace.create({
      data: { name: `${name} ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
    }),
  ),
);
const workspaceId = workspace!.id;
const connectionIn = (wsId: string, provider = key) =>
  prisma.connection.create({
    data: { workspaceId: wsId, provider, externalId: randomUUID(), name: "Corner Shop", createdById: user.id },
  });

afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: [workspaceId, otherWorkspace!.id] } } });
  await prisma.user.delete({ where: { id: user.id } });
});

const load = (event: string, connectionId: string, input: Record<string, unknown> = {}) =>
  loadTriggerSample({ workspaceId, event, connectionId, input }, registry);
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("loadTriggerSample", () => {
  it("answers with the connection's recent record, shaped as the trigger's runs carry it", async () => {
    const connection = await connectionIn(workspaceId);
    orders[connection.id] = { number: "#2042", total: 99.5 };
    expect(await load(`${key}.order.paid`, connection.id, { status: "paid" })).toEqual({
      found: true,
      sample: {
        event: { topic: "orders/paid" },
        record: { number: "#2042", total: 99.5, askedFor: "paid" },
        previous: null,
      },
    });
  });

  it("says in words when the organisation has nothing yet, and what to do next", async () => {
    const connection = await connectionIn(workspaceId);
    expect(await load(`${key}.order.paid`, connection.id)).toEqual({
      found: false,
      message:
        'Corner Shop has nothing for "Order paid" yet. Make one in Shop and load again, or build with the example data.',
    });
  });

  it("refuses another workspace's connection and one of another app, naming the connection", async () => {
    const theirs = await connectionIn(otherWorkspace!.id);
    const xero = await connectionIn(workspaceId, "xero");
    for (const connectionId of [theirs.id, xero.id]) {
      const refused = await failureOf(load(`${key}.order.paid`, connectionId));
      expect(refused).toBeInstanceOf(InvalidInputError);
      expect(refused).toMatchObject({ field: "connectionId", message: "Choose the Shop store to load a record from." });
    }
  });

  it("refuses a trigger no connector declares, and one that cannot load a record, naming the event", async () => {
    const connection = await connectionIn(workspaceId);
    expect(await failureOf(load(`${key}.order.teleported`, connection.id))).toMatchObject({
      field: "event",
      message: `The trigger "${key}.order.teleported" does not exist: choose another.`,
    });
    expect(await failureOf(load(`${key}.order.created`, connection.id))).toMatchObject({
      field: "event",
      message: '"New order" cannot load a record: build with its example data.',
    });
  });

  it("passes the service's refusal on as the user's to fix, and asks to try again when it may pass", async () => {
    const refusedConnection = await connectionIn(workspaceId);
    failures[refusedConnection.id] = new StepError("Shop refused the store's token: reconnect it.", {
      code: "connection_needs_reconnect",
      field: "connectionId",
    });
    expect(await failureOf(load(`${key}.order.paid`, refusedConnection.id))).toMatchObject({
      field: "connectionId",
      message: "Shop refused the store's token: reconnect it.",
    });
    const downConnection = await connectionIn(workspaceId);
    failures[downConnection.id] = new StepError("Shop did not answer.", { code: "xero_unavailable", retryable: true });
    expect(await failureOf(load(`${key}.order.paid`, downConnection.id))).toMatchObject({
      message: "Shop did not answer. Try again in a moment.",
    });
  });

  it("goes through the connector's rate limits: a full window says when to try again", async () => {
    const connection = await connectionIn(workspaceId);
    orders[connection.id] = { number: "#3001" };
    const busy = (await connectorClient(shop, connection.id, { workspaceId })) as ShopClient;
    const release = await busy.hold();
    const refused = await failureOf(load(`${key}.order.paid`, connection.id));
    await release();
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({
      message: expect.stringMatching(/^Waiting for Shop's limit of calls at once\. Try again in \d+ s\.$/),
    });
    expect(await load(`${key}.order.paid`, connection.id)).toMatchObject({ found: true });
  });
});
