import { randomUUID } from "node:crypto";
import {
  type ActionDefinition,
  CallDeferredError,
  type ClientRequest,
  defineConnector,
  type FlowStep,
  StepError,
} from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { InvalidInputError, RateLimitedError } from "../errors/domain-errors";
import { clientFor } from "./client-for";
import { connectorCallLimits } from "./connector-rate-limiter";
import { createConnectorRegistry } from "./connector-registry";
import { loadFieldOptions } from "./load-field-options";

// A connector of the test's own, declared only through the contract (packages/engine/src/connector.ts):
// the registry, client-for, the rate limiter and the dropdown loader must serve it as they serve Xero.
// Every test uses a key of its own, so its limiter windows in Redis are its own.

interface EchoClient {
  connectionId: string;
  /** One call to the service: takes a slot for the connection's account and gives it back. */
  call(): Promise<void>;
  /** Takes a slot and keeps it (a call in flight). */
  hold(): Promise<() => Promise<void>>;
}

const ping: ActionDefinition<EchoClient> = {
  key: "",
  kind: "search",
  group: "Echo",
  title: "Ping",
  description: "Calls the service once.",
  fields: [],
  outputSample: {},
  async run(ctx) {
    await ctx.client.call();
    return { pinged: ctx.client.connectionId };
  },
};

function echoConnector(options: { concurrent?: number } = {}) {
  const key = `echo${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const loads: string[] = [];
  const connector = defineConnector<EchoClient>({
    key,
    title: "Echo",
    auth: { kind: "oauth2", accountNoun: "account" },
    actions: [
      { ...ping, key: `${key}.ping` },
      { ...ping, key: `${key}.format`, needsConnection: false },
    ],
    triggers: [],
    optionLoaders: {
      [`${key}.colours`]: async ({ client, query }) => {
        loads.push(client.connectionId);
        await client.call();
        return [{ value: "red", label: `Red${query ? ` (${query})` : ""}` }];
      },
    },
    limits: { perAccount: { concurrent: options.concurrent ?? 0, perMinute: 0, perDay: 0 }, perApp: { perMinute: 0 } },
    async createClient({ connectionId, acquireCallSlot }: ClientRequest) {
      if (connectionId === "gone") throw new StepError("The Echo connection was removed.", { code: "invalid_input" });
      const hold = () => acquireCallSlot(`account-of-${connectionId}`);
      return { connectionId, hold, call: async () => (await hold())() };
    },
  });
  return { connector, key, loads, registry: createConnectorRegistry([connector]) };
}

const step = (action: string, connectionId?: string): FlowStep => ({ key: "s", action, connectionId, input: {} });

describe("the connector registry", () => {
  it("finds a connector by the namespace of its keys and lists its actions in the app's catalog", () => {
    const { connector, key, registry } = echoConnector();
    expect(registry.ownerOf(`${key}.ping`)).toBe(connector);
    expect(registry.ownerOf(`${key}.colours`)).toBe(connector);
    expect(registry.ownerOf("other.ping")).toBeUndefined();
    expect(registry.catalog.list().map((action) => action.key)).toEqual([`${key}.ping`, `${key}.format`]);
  });

  it("refuses two connectors with one key, and keys outside a connector's namespace", () => {
    const { connector } = echoConnector();
    expect(() => createConnectorRegistry([connector, connector])).toThrow(/share the key/);
    const stray = { ...connector, actions: [{ ...ping, key: "elsewhere.ping" }] };
    expect(() => createConnectorRegistry([stray])).toThrow(/"elsewhere.ping" of connector .* is not in its namespace/);
  });
});

describe("clientFor", () => {
  it("builds the step's client for its connection and workspace, and needs none for an action without one", async () => {
    const { key, registry } = echoConnector();
    const forStep = clientFor({ workspaceId: "ws-1" }, registry);
    const [pingAction, formatAction] = registry.catalog.list() as [ActionDefinition, ActionDefinition];
    expect(await forStep(step(`${key}.ping`, "conn-1"), pingAction)).toMatchObject({ connectionId: "conn-1" });
    expect(await forStep(step(`${key}.format`), formatAction)).toBeUndefined();
  });

  it("names the missing connection as the field to fix", async () => {
    const { key, registry } = echoConnector();
    const pingAction = registry.catalog.get(`${key}.ping`) as ActionDefinition;
    expect(() => clientFor({ workspaceId: "ws-1" }, registry)(step(`${key}.ping`), pingAction)).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        field: "connectionId",
        message: expect.stringContaining("Echo"),
      }),
    );
  });

  it("applies the connector's declared limits per account, deferring a call with no free slot", async () => {
    const { key, registry } = echoConnector({ concurrent: 1 });
    const pingAction = registry.catalog.get(`${key}.ping`) as ActionDefinition;
    const forStep = clientFor({ workspaceId: "ws-1" }, registry);
    const first = (await forStep(step(`${key}.ping`, "conn-a"), pingAction)) as EchoClient;
    const second = (await forStep(step(`${key}.ping`, "conn-a"), pingAction)) as EchoClient;
    const other = (await forStep(step(`${key}.ping`, "conn-b"), pingAction)) as EchoClient;

    const release = await first.hold();
    const deferred = await second.call().catch((error: unknown) => error);
    expect(deferred).toBeInstanceOf(CallDeferredError);
    expect(deferred).toMatchObject({ message: "Waiting for Echo's limit of calls at once." });
    await expect(other.call()).resolves.toBeUndefined();
    await release();
    await expect(second.call()).resolves.toBeUndefined();
  });

  it("asks the execution's guard before every call, so a run that lost its lease calls nothing", async () => {
    const { key, registry } = echoConnector();
    const pingAction = registry.catalog.get(`${key}.ping`) as ActionDefinition;
    let held = true;
    const beforeCall = () => {
      if (!held) throw new Error("lease lost");
    };
    const client = (await clientFor({ workspaceId: "ws-1", beforeCall }, registry)(
      step(`${key}.ping`, "conn-a"),
      pingAction,
    )) as EchoClient;
    await expect(client.call()).resolves.toBeUndefined();
    held = false;
    await expect(client.call()).rejects.toThrow("lease lost");
  });
});

describe("connectorCallLimits", () => {
  it("takes the declared limits, each lowered by <KEY>_LIMIT_* in the environment, and refuses nonsense", () => {
    const { connector } = echoConnector({ concurrent: 5 });
    const prefix = connector.key.toUpperCase();
    expect(connectorCallLimits(connector, {})).toEqual({
      concurrent: 5,
      perMinute: 0,
      perDay: 0,
      appPerMinute: 0,
      minuteMs: 60_000,
      leaseMs: 35_000,
    });
    expect(
      connectorCallLimits(connector, { [`${prefix}_LIMIT_CONCURRENT`]: "0", [`${prefix}_LIMIT_WINDOW_MS`]: "2000" }),
    ).toMatchObject({ concurrent: 0, minuteMs: 2_000 });
    expect(() => connectorCallLimits(connector, { [`${prefix}_LIMIT_PER_DAY`]: "-1" })).toThrow(
      `${prefix}_LIMIT_PER_DAY must be a whole number of 0 or more, not "-1"`,
    );
  });
});

describe("loadFieldOptions", () => {
  it("loads through the loader's connector, serves the cache until a refresh, and keeps connections apart", async () => {
    const { key, loads, registry } = echoConnector();
    const load = (connectionId: string, refresh = false) =>
      loadFieldOptions({ workspaceId: "ws-1", loader: `${key}.colours`, connectionId, refresh }, registry);

    expect(await load("conn-a")).toEqual([{ value: "red", label: "Red" }]);
    await load("conn-a");
    await load("conn-b");
    await load("conn-a", true);
    expect(loads).toEqual(["conn-a", "conn-b", "conn-a"]);
  });

  it("refuses an unknown loader naming it, and passes the connector's own reasons on as the user's to fix", async () => {
    const { key, registry } = echoConnector();
    const unknown = await loadFieldOptions(
      { workspaceId: "ws-1", loader: `${key}.vendors`, connectionId: "conn-a" },
      registry,
    ).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(InvalidInputError);
    expect(unknown).toMatchObject({ field: "loader", message: `Unknown option loader "${key}.vendors"` });

    const gone = await loadFieldOptions(
      { workspaceId: "ws-1", loader: `${key}.colours`, connectionId: "gone" },
      registry,
    ).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(InvalidInputError);
    expect(gone).toMatchObject({ message: "The Echo connection was removed." });
  });

  it("says when to try again when the connector's limits defer the loader's call", async () => {
    const { key, registry } = echoConnector({ concurrent: 1 });
    const pingAction = registry.catalog.get(`${key}.ping`) as ActionDefinition;
    const busy = (await clientFor({ workspaceId: "ws-1" }, registry)(
      step(`${key}.ping`, "conn-a"),
      pingAction,
    )) as EchoClient;
    const release = await busy.hold();
    const refused = await loadFieldOptions(
      { workspaceId: "ws-1", loader: `${key}.colours`, connectionId: "conn-a", refresh: true },
      registry,
    ).catch((error: unknown) => error);
    await release();
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).toMatchObject({
      message: expect.stringMatching(/^Waiting for Echo's limit of calls at once\. Try again in \d+ s\.$/),
    });
  });
});
