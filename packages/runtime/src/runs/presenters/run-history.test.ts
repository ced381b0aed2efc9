import { randomBytes } from "node:crypto";
import { prisma, type RunSource, type RunStatus } from "@ledgerflow/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRunsPerDay } from "./count-runs-per-day";
import { getRunDetail } from "./get-run-detail";
import { listRunFlowOptions } from "./list-run-flow-options";
import { listRuns } from "./list-runs";

// Integration tests against the real database: one workspace of our own with runs across statuses,
// flows and days, and a second workspace whose runs must never show up.

const now = new Date("2026-03-15T12:00:00.000Z");
const hour = 60 * 60 * 1000;
const unique = randomBytes(6).toString("hex");

interface SeededRun {
  id: string;
  flowId: string;
  status: RunStatus;
  createdAt: Date;
}

async function seedWorkspace(name: string) {
  const workspace = await prisma.workspace.create({ data: { name: `${name} ${unique}` } });
  const flow = (flowName: string) =>
    prisma.flow.create({
      data: {
        workspaceId: workspace.id,
        name: flowName,
        draft: {},
        webhookToken: `${name}-${flowName}-${unique}`.replace(/\W/g, "-"),
      },
    });
  return { workspace, orders: await flow("Order paid"), bills: await flow("Supplier bill") };
}

function seedRun(
  workspaceId: string,
  flowId: string,
  status: RunStatus,
  createdAt: Date,
  source: RunSource = "WEBHOOK",
) {
  // Unfinished runs are held by an execution lease, as a worker executing them holds it: the suite's
  // own worker and its sweeper leave them alone.
  const leaseExpiresAt = status === "QUEUED" || status === "RUNNING" ? new Date(Date.now() + 3_600_000) : null;
  return prisma.run.create({
    data: {
      workspaceId,
      flowId,
      status,
      source,
      createdAt,
      leaseExpiresAt,
      trigger: { body: { n: createdAt.toISOString() } },
    },
    select: { id: true, flowId: true, status: true, createdAt: true },
  });
}

/** Newest first, ties on createdAt broken by id — the order the history promises. */
function newestFirst(runs: SeededRun[]): string[] {
  return [...runs]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((run) => run.id);
}

let mine: Awaited<ReturnType<typeof seedWorkspace>>;
let theirs: Awaited<ReturnType<typeof seedWorkspace>>;
const seeded: SeededRun[] = [];
let theirRunId: string;

beforeAll(async () => {
  mine = await seedWorkspace("history");
  theirs = await seedWorkspace("other");
  const statuses: RunStatus[] = ["SUCCEEDED", "SUCCEEDED", "FAILED", "QUEUED", "RUNNING", "SKIPPED", "CANCELLED"];
  // 47 runs over ~10 days, every third one sharing its timestamp with the previous run (keyset ties).
  let at = now.getTime() - 2 * hour;
  for (let index = 0; index < 47; index++) {
    if (index % 3 !== 0) at -= 5 * hour;
    const flowId = index % 4 === 0 ? mine.bills.id : mine.orders.id;
    seeded.push(await seedRun(mine.workspace.id, flowId, statuses[index % statuses.length]!, new Date(at)));
  }
  for (let index = 0; index < 5; index++) {
    const run = await seedRun(theirs.workspace.id, theirs.orders.id, "FAILED", new Date(now.getTime() - index * hour));
    theirRunId = run.id;
  }
});

afterAll(async () => {
  // Cascades to flows and runs; only our own rows.
  await prisma.workspace.deleteMany({ where: { id: { in: [mine.workspace.id, theirs.workspace.id] } } });
});

describe("listRuns", () => {
  it("returns every run exactly once, newest first, across older pages and back again", async () => {
    const pages: string[][] = [];
    let page = await listRuns({ workspaceId: mine.workspace.id, limit: 10 });
    expect(page.newerCursor).toBeNull();
    pages.push(page.runs.map((run) => run.id));
    while (page.olderCursor) {
      page = await listRuns({ workspaceId: mine.workspace.id, limit: 10, cursor: page.olderCursor });
      expect(page.newerCursor).not.toBeNull();
      pages.push(page.runs.map((run) => run.id));
    }
    expect(pages.map((ids) => ids.length)).toEqual([10, 10, 10, 10, 7]);
    expect(pages.flat()).toEqual(newestFirst(seeded));

    // Walking back with "Newer" retraces the same pages.
    for (let index = pages.length - 2; index >= 0; index--) {
      page = await listRuns({
        workspaceId: mine.workspace.id,
        limit: 10,
        cursor: page.newerCursor!,
        direction: "newer",
      });
      expect(page.runs.map((run) => run.id)).toEqual(pages[index]);
    }
    expect(page.newerCursor).toBeNull();
  });

  it("shows a full first page when 'Newer' reaches the top", async () => {
    const first = await listRuns({ workspaceId: mine.workspace.id, limit: 10 });
    const nearTop = await listRuns({ workspaceId: mine.workspace.id, limit: 3, cursor: first.olderCursor! });
    // Only 10 rows lie above nearTop's first row... ask for 25 of them: we get the first page, 25 long.
    const back = await listRuns({
      workspaceId: mine.workspace.id,
      limit: 25,
      cursor: nearTop.newerCursor!,
      direction: "newer",
    });
    expect(back.runs.map((run) => run.id)).toEqual(newestFirst(seeded).slice(0, 25));
    expect(back.newerCursor).toBeNull();
  });

  it("filters by flow, status and date range, and pages within the filter", async () => {
    const byFlow = await listRuns({ workspaceId: mine.workspace.id, flowId: mine.bills.id, limit: 100 });
    expect(byFlow.runs.map((run) => run.id)).toEqual(newestFirst(seeded.filter((run) => run.flowId === mine.bills.id)));
    expect(byFlow.runs.every((run) => run.flow.name === "Supplier bill")).toBe(true);

    const failed = seeded.filter((run) => run.status === "FAILED");
    const firstFailed = await listRuns({ workspaceId: mine.workspace.id, status: "FAILED", limit: 4 });
    const restFailed = await listRuns({
      workspaceId: mine.workspace.id,
      status: "FAILED",
      limit: 4,
      cursor: firstFailed.olderCursor!,
    });
    expect([...firstFailed.runs, ...restFailed.runs].map((run) => run.id)).toEqual(newestFirst(failed));
    expect(restFailed.olderCursor).toBeNull();

    const from = new Date(now.getTime() - 48 * hour);
    const to = new Date(now.getTime() - 24 * hour);
    const inRange = seeded.filter((run) => run.createdAt >= from && run.createdAt < to);
    expect(inRange.length).toBeGreaterThan(0);
    const ranged = await listRuns({ workspaceId: mine.workspace.id, from, to, limit: 100 });
    expect(ranged.runs.map((run) => run.id)).toEqual(newestFirst(inRange));
  });

  it("never returns another workspace's runs, even with its flow id", async () => {
    const all = await listRuns({ workspaceId: mine.workspace.id, limit: 100 });
    expect(all.runs).toHaveLength(seeded.length);
    const theirFlowInMyWorkspace = await listRuns({ workspaceId: mine.workspace.id, flowId: theirs.orders.id });
    expect(theirFlowInMyWorkspace.runs).toEqual([]);
  });

  it("rejects a tampered cursor and an inverted date range, naming the field", async () => {
    await expect(listRuns({ workspaceId: mine.workspace.id, cursor: "not-a-cursor" })).rejects.toThrow(/cursor/);
    await expect(
      listRuns({ workspaceId: mine.workspace.id, from: now, to: new Date(now.getTime() - hour) }),
    ).rejects.toThrow(/from must be before to/);
  });
});

describe("countRunsPerDay", () => {
  it("buckets runs by UTC day and status, with a slot for every day", async () => {
    const days = await countRunsPerDay({ workspaceId: mine.workspace.id, days: 30, now });
    expect(days).toHaveLength(30);
    expect(days.at(-1)!.day).toBe("2026-03-15");
    expect(days[0]!.day).toBe("2026-02-14");

    const expected = new Map<string, Record<string, number>>();
    for (const run of seeded) {
      const day = run.createdAt.toISOString().slice(0, 10);
      const counts = expected.get(day) ?? {};
      counts[run.status] = (counts[run.status] ?? 0) + 1;
      expected.set(day, counts);
    }
    for (const day of days) {
      const counts = expected.get(day.day) ?? {};
      expect({ day: day.day, ...day.byStatus }).toMatchObject({ day: day.day, ...counts });
      expect(day.total).toBe(Object.values(counts).reduce((sum, n) => sum + n, 0));
    }
    expect(days.reduce((sum, day) => sum + day.total, 0)).toBe(seeded.length);
  });

  it("counts one flow's runs only, and nothing of other workspaces", async () => {
    const days = await countRunsPerDay({ workspaceId: mine.workspace.id, flowId: mine.bills.id, now });
    const total = days.reduce((sum, day) => sum + day.total, 0);
    expect(total).toBe(seeded.filter((run) => run.flowId === mine.bills.id).length);

    const foreign = await countRunsPerDay({ workspaceId: mine.workspace.id, flowId: theirs.orders.id, now });
    expect(foreign.every((day) => day.total === 0)).toBe(true);
  });
});

describe("getRunDetail", () => {
  it("returns the run with its steps in order", async () => {
    const run = seeded.find((candidate) => candidate.status === "FAILED")!;
    await prisma.stepRun.createMany({
      data: [
        {
          index: 1,
          stepKey: "invoice",
          status: "FAILED" as const,
          error: { message: "Account code '999' is not valid." },
        },
        { index: 0, stepKey: "find_contact", status: "SUCCEEDED" as const, output: { ContactID: "c-1" } },
      ].map((step) => ({
        ...step,
        workspaceId: mine.workspace.id,
        runId: run.id,
        action: "xero.test",
        attempts: 1,
        idempotencyKey: `${run.id}:${step.stepKey}`,
      })),
    });
    const detail = await getRunDetail({ workspaceId: mine.workspace.id, runId: run.id });
    expect(detail).toMatchObject({ id: run.id, status: "FAILED", flow: { id: run.flowId } });
    expect(detail!.steps.map((step) => [step.stepKey, step.status])).toEqual([
      ["find_contact", "SUCCEEDED"],
      ["invoice", "FAILED"],
    ]);
    expect(detail!.steps[1]!.error).toEqual({ message: "Account code '999' is not valid." });
  });

  it("places each step of a run on a version with Paths: its depth and the path it is in", async () => {
    const step = (key: string) => ({ key, action: "xero.test", input: {} });
    const version = await prisma.flowVersion.create({
      data: {
        workspaceId: mine.workspace.id,
        flowId: mine.orders.id,
        number: 900,
        definition: {
          schemaVersion: 2,
          trigger: { type: "webhook", config: {} },
          steps: [
            step("invoice"),
            {
              key: "by_method",
              type: "paths",
              paths: [{ key: "card", name: "Card payments", conditions: [], steps: [step("card_payment")] }],
              otherwise: { steps: [step("note")] },
            },
          ],
        },
      },
    });
    const run = await prisma.run.create({
      data: { workspaceId: mine.workspace.id, flowId: mine.orders.id, flowVersionId: version.id, source: "MANUAL" },
    });
    const detail = await getRunDetail({ workspaceId: mine.workspace.id, runId: run.id });
    expect(detail?.flowVersion).toEqual({ id: version.id, number: 900 });
    expect(detail?.stepPlaces).toEqual({
      invoice: { depth: 0 },
      by_method: { depth: 0 },
      card_payment: { depth: 1, pathName: "Card payments" },
      note: { depth: 1, pathName: "When no other path matches" },
    });
  });

  it("reads another workspace's run as not found", async () => {
    expect(await getRunDetail({ workspaceId: mine.workspace.id, runId: theirRunId })).toBeNull();
    expect(await getRunDetail({ workspaceId: theirs.workspace.id, runId: theirRunId })).not.toBeNull();
  });
});

describe("listRunFlowOptions", () => {
  it("lists the workspace's own flows by name", async () => {
    expect(await listRunFlowOptions({ workspaceId: mine.workspace.id })).toEqual([
      { id: mine.orders.id, name: "Order paid" },
      { id: mine.bills.id, name: "Supplier bill" },
    ]);
  });
});
