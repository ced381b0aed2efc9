import { randomBytes } from "node:crypto";
import { type Prisma, prisma, type RunStatus } from "@ledgerflow/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRunDetail } from "./get-run-detail";
import { listRuns } from "./list-runs";

// Integration tests against the real database: run titles (a flow's template, the default chosen
// from its sample), finding runs by id, title and payload text, and a skipped run's version — with a
// second workspace holding the same payloads, whose runs never show up.

const unique = randomBytes(6).toString("hex");
const start = new Date("2026-05-01T09:00:00.000Z");

const draft = (sample: Prisma.InputJsonObject, runTitle?: string) => ({
  schemaVersion: 2,
  ...(runTitle ? { runTitle } : {}),
  trigger: { type: "webhook", config: {}, sample: { body: sample } },
  steps: [],
});

const orderSample = { order_id: "1000", customer: { name: "Sample Co", email: "x@y.z" }, total: 1 };

async function seedWorkspace(name: string) {
  const workspace = await prisma.workspace.create({ data: { name: `${name} ${unique}` } });
  const flow = (flowName: string, definition: object) =>
    prisma.flow.create({
      data: {
        workspaceId: workspace.id,
        name: flowName,
        draft: definition,
        webhookToken: `t-${randomBytes(12).toString("hex")}`,
      },
      select: { id: true },
    });
  return {
    workspace,
    titled: await flow(
      "Orders",
      draft(orderSample, "Order {{trigger.body.order_id}} for {{trigger.body.customer.name}}"),
    ),
    chosen: await flow("Shop orders", draft(orderSample)),
    untitled: await flow("Pings", draft({ ping: true })),
  };
}

let mine: Awaited<ReturnType<typeof seedWorkspace>>;
let theirs: Awaited<ReturnType<typeof seedWorkspace>>;
let minutes = 0;
const run = (workspaceId: string, flowId: string, body: Prisma.InputJsonObject, status: RunStatus = "SUCCEEDED") =>
  prisma.run.create({
    data: {
      workspaceId,
      flowId,
      status,
      source: "WEBHOOK",
      createdAt: new Date(start.getTime() + ++minutes * 60_000),
      trigger: { type: "webhook", body, headers: {}, query: {} },
    },
    select: { id: true },
  });
const ids: Record<string, string> = {};

beforeAll(async () => {
  mine = await seedWorkspace("titles");
  theirs = await seedWorkspace("titles-other");
  const ws = mine.workspace.id;
  ids.acme = (
    await run(ws, mine.titled.id, { order_id: 1042, customer: { name: "Acme Ltd", email: "ops@acme.test" } })
  ).id;
  ids.bravo = (
    await run(ws, mine.titled.id, { order_id: 1043, customer: { name: "Bravo & Sons" }, note: "50% off_" })
  ).id;
  ids.chosen = (await run(ws, mine.chosen.id, { order_id: "SO-7", customer: { name: "Carla" }, total: 99.5 })).id;
  ids.missing = (await run(ws, mine.titled.id, { something: "else" })).id;
  ids.ping = (await run(ws, mine.untitled.id, { ping: true, from: "ops@acme.test" }, "FAILED")).id;
  for (let index = 0; index < 12; index++) {
    await run(ws, mine.chosen.id, { order_id: `BULK-${index}`, customer: { name: "Bulk buyer" }, total: index });
  }
  // The other workspace receives the very same payloads.
  ids.theirAcme = (
    await run(theirs.workspace.id, theirs.titled.id, {
      order_id: 1042,
      customer: { name: "Acme Ltd", email: "ops@acme.test" },
    })
  ).id;
});

afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: [mine.workspace.id, theirs.workspace.id] } } });
});

const titles = async (text?: string, extra: { flowId?: string; status?: RunStatus } = {}) => {
  const page = await listRuns({ workspaceId: mine.workspace.id, limit: 100, text, ...extra });
  return Object.fromEntries(page.runs.map((row) => [row.id, row.title]));
};

describe("run titles", () => {
  it("render the flow's template, or the one chosen from its sample, on each run's trigger", async () => {
    const all = await titles();
    expect(all[ids.acme!]).toBe("Order 1042 for Acme Ltd");
    expect(all[ids.bravo!]).toBe("Order 1043 for Bravo & Sons");
    // No title of its own: the sample's order id, customer name and total.
    expect(all[ids.chosen!]).toBe("SO-7 · Carla · 99.5");
    // A trigger the template finds nothing in, and a sample with nothing to choose: no title.
    expect(all[ids.missing!]).toBeNull();
    expect(all[ids.ping!]).toBeNull();
  });

  it("follow the flow's current template, past runs included", async () => {
    await prisma.flow.update({
      where: { id: mine.titled.id },
      data: { draft: draft(orderSample, "{{trigger.body.customer.name}} (#{{trigger.body.order_id}})") },
    });
    try {
      expect((await titles())[ids.acme!]).toBe("Acme Ltd (#1042)");
    } finally {
      await prisma.flow.update({
        where: { id: mine.titled.id },
        data: { draft: draft(orderSample, "Order {{trigger.body.order_id}} for {{trigger.body.customer.name}}") },
      });
    }
  });
});

describe("finding runs by text", () => {
  it("matches a title as shown, whatever the case, though the payload never holds that text", async () => {
    expect(Object.keys(await titles("order 1042 FOR acme"))).toEqual([ids.acme]);
    expect(Object.keys(await titles("so-7 · carla"))).toEqual([ids.chosen]);
  });

  it("matches payload text and run ids, in this workspace only", async () => {
    expect(Object.keys(await titles("OPS@ACME.TEST")).sort()).toEqual([ids.acme, ids.ping].sort());
    expect(Object.keys(await titles(ids.bravo!))).toEqual([ids.bravo]);
    expect(Object.keys(await titles(ids.theirAcme!))).toEqual([]);
    const theirs_ = await listRuns({ workspaceId: theirs.workspace.id, text: "acme" });
    expect(theirs_.runs.map((row) => row.id)).toEqual([ids.theirAcme]);
  });

  it("reads the text literally: % and _ are no wildcards", async () => {
    expect(Object.keys(await titles("50% off_"))).toEqual([ids.bravo]);
    expect(Object.keys(await titles("1%3"))).toEqual([]);
  });

  it("combines with the other filters", async () => {
    expect(Object.keys(await titles("ops@acme.test", { status: "FAILED" }))).toEqual([ids.ping]);
    expect(Object.keys(await titles("ops@acme.test", { flowId: mine.titled.id }))).toEqual([ids.acme]);
  });

  it("pages through matches newest first and back", async () => {
    const first = await listRuns({ workspaceId: mine.workspace.id, text: "bulk buyer", limit: 5 });
    const second = await listRuns({
      workspaceId: mine.workspace.id,
      text: "bulk buyer",
      limit: 5,
      cursor: first.olderCursor!,
    });
    const third = await listRuns({
      workspaceId: mine.workspace.id,
      text: "bulk buyer",
      limit: 5,
      cursor: second.olderCursor!,
    });
    const shown = [...first.runs, ...second.runs, ...third.runs].map((row) => row.title);
    expect(shown).toEqual(Array.from({ length: 12 }, (_, index) => `BULK-${11 - index} · Bulk buyer · ${11 - index}`));
    expect(third.olderCursor).toBeNull();
    const back = await listRuns({
      workspaceId: mine.workspace.id,
      text: "bulk buyer",
      limit: 5,
      cursor: third.newerCursor!,
      direction: "newer",
    });
    expect(back.runs.map((row) => row.id)).toEqual(second.runs.map((row) => row.id));
  });

  it("refuses a text longer than 200 characters", async () => {
    await expect(listRuns({ workspaceId: mine.workspace.id, text: "x".repeat(201) })).rejects.toThrow();
  });
});

describe("a skipped run's version", () => {
  it("is the version published when it arrived, or none when the flow had never been switched on", async () => {
    const ws = mine.workspace.id;
    const early = await run(ws, mine.chosen.id, { order_id: "E-1" }, "SKIPPED");
    const version = await prisma.flowVersion.create({
      data: {
        workspaceId: ws,
        flowId: mine.chosen.id,
        number: 1,
        definition: {},
        createdAt: new Date(start.getTime() + ++minutes * 60_000),
      },
    });
    const late = await run(ws, mine.chosen.id, { order_id: "E-2" }, "SKIPPED");
    await prisma.flowVersion.create({
      data: {
        workspaceId: ws,
        flowId: mine.chosen.id,
        number: 2,
        definition: {},
        createdAt: new Date(start.getTime() + ++minutes * 60_000),
      },
    });
    expect((await getRunDetail({ workspaceId: ws, runId: early.id }))?.versionAtReceipt).toBeNull();
    expect((await getRunDetail({ workspaceId: ws, runId: late.id }))?.versionAtReceipt).toEqual({
      number: version.number,
    });
  });

  it("names each step by its action's title", async () => {
    const ws = mine.workspace.id;
    const ran = await run(ws, mine.titled.id, { order_id: 1 });
    await prisma.stepRun.createMany({
      data: [
        {
          workspaceId: ws,
          runId: ran.id,
          stepKey: "find_contact",
          index: 0,
          action: "xero.findOrCreateContact",
          status: "SUCCEEDED",
          idempotencyKey: `${ran.id}:find_contact`,
        },
        {
          workspaceId: ws,
          runId: ran.id,
          stepKey: "gone",
          index: 1,
          action: "retired.action",
          status: "SUCCEEDED",
          idempotencyKey: `${ran.id}:gone`,
        },
      ],
    });
    const detail = await getRunDetail({ workspaceId: ws, runId: ran.id });
    expect(detail?.title).toBe("Order 1 for");
    // A failed run's row names the step it failed at the same way; a succeeded one names none.
    const failed = await run(ws, mine.titled.id, { order_id: 2 }, "FAILED");
    await prisma.stepRun.createMany({
      data: ["find_contact", "create_invoice", "record_payment"].map((stepKey, index) => ({
        workspaceId: ws,
        runId: failed.id,
        stepKey,
        index,
        action: ["xero.findOrCreateContact", "xero.createInvoice", "xero.createPayment"][index]!,
        status: index === 1 ? "FAILED" : "SUCCEEDED",
        idempotencyKey: `${failed.id}:${stepKey}`,
      })),
    });
    const rows = (await listRuns({ workspaceId: ws, limit: 100 })).runs;
    expect(rows.find((row) => row.id === failed.id)?.endedAt).toEqual({
      stepKey: "create_invoice",
      title: "Create sales invoice",
    });
    expect(rows.find((row) => row.id === ran.id)?.endedAt).toBeNull();
    expect(detail?.stepTitles).toEqual({ find_contact: "Find or create contact", gone: "retired.action" });
  });
});
