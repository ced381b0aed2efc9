import { randomBytes } from "node:crypto";
import { prisma, type RunStatus } from "@ledgerflow/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/domain-errors";
import { pruneRunPayloads } from "./prune-run-payloads";
import { replayRun } from "./replay-run";

// Replays are queued on a prefix of this file's own, which no worker consumes: the suite's worker
// would otherwise execute them while the test reads what was queued.
process.env.REDIS_PREFIX = `lftest_replay_${randomBytes(4).toString("hex")}`;

// Retention against the real database. pruneRunPayloads works across every workspace, and other
// suites seed runs in the past (the run history uses March 2026), so a 30-day cutoff would prune
// their rows while they run. Instead the retention age here puts the cutoff on 2000-01-01 and our
// "old" runs in 1999: only rows older than 2000 are touched, and we assert only on our own.

const day = 86_400_000;
const cutoffDay = Date.UTC(2000, 0, 1);
// Whole days from 2000-01-01 to now: the cutoff (now − retentionDays) falls within 2000-01-01.
const retentionDays = Math.floor((Date.now() - cutoffDay) / day);
const unique = randomBytes(6).toString("hex");

let workspaceId: string;
let userId: string;
let flowId: string;

interface SeededRun {
  id: string;
  status: RunStatus;
  createdAt: Date;
}

/** A finished (or not) run with a trigger payload and, optionally, two steps with inputs and outputs. */
async function seedRun(status: RunStatus, createdAt: Date, withSteps = true): Promise<SeededRun> {
  const finished = !["QUEUED", "RUNNING"].includes(status);
  const run = await prisma.run.create({
    data: {
      workspaceId,
      flowId,
      status,
      source: "WEBHOOK",
      trigger: { type: "webhook", body: { email: `${unique}@example.test`, at: createdAt.toISOString() } },
      error: status === "FAILED" ? { message: "Xero said no", stepKey: "invoice" } : undefined,
      attempts: 1,
      createdAt,
      startedAt: status === "QUEUED" ? null : new Date(createdAt.getTime() + 1_000),
      finishedAt: finished ? new Date(createdAt.getTime() + 3_000) : null,
      durationMs: finished ? 2_000 : null,
      // An unfinished run is held by an execution lease, as a worker executing it holds it: the
      // suite's own worker and its sweeper leave it alone.
      leaseExpiresAt: finished ? null : new Date(Date.now() + 3_600_000),
    },
    select: { id: true, status: true, createdAt: true },
  });
  if (withSteps) {
    await prisma.stepRun.createMany({
      data: [
        {
          workspaceId,
          runId: run.id,
          stepKey: "contact",
          index: 0,
          action: "xero.upsertContact",
          status: "SUCCEEDED",
          input: { Name: "Ada" },
          output: { ContactID: "c-1", Name: "Ada" },
          attempts: 1,
          idempotencyKey: `${run.id}:contact`,
          startedAt: new Date(createdAt.getTime() + 1_000),
          finishedAt: new Date(createdAt.getTime() + 2_000),
          durationMs: 1_000,
        },
        {
          workspaceId,
          runId: run.id,
          stepKey: "invoice",
          index: 1,
          action: "xero.createInvoice",
          status: status === "FAILED" ? "FAILED" : "SUCCEEDED",
          input: { ContactID: "c-1", Reference: "Order 1" },
          output: status === "FAILED" ? undefined : { InvoiceID: "i-1" },
          error: status === "FAILED" ? { message: "Xero said no" } : undefined,
          attempts: 2,
          idempotencyKey: `${run.id}:invoice`,
          startedAt: new Date(createdAt.getTime() + 2_000),
          finishedAt: new Date(createdAt.getTime() + 3_000),
          durationMs: 1_000,
        },
      ],
    });
  }
  return run;
}

function readRun(id: string) {
  return prisma.run.findFirstOrThrow({
    where: { id, workspaceId },
    include: { steps: { orderBy: { index: "asc" } } },
  });
}

let old: SeededRun[];
let oldUnfinished: SeededRun[];
let recent: SeededRun[];
const before = new Map<string, Awaited<ReturnType<typeof readRun>>>();

beforeAll(async () => {
  const user = await prisma.user.create({ data: { email: `retention-${unique}@example.test` } });
  const workspace = await prisma.workspace.create({
    data: { name: `Retention ${unique}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
  });
  workspaceId = workspace.id;
  userId = user.id;
  const flow = await prisma.flow.create({
    data: { workspaceId, name: "Order paid", draft: {}, webhookToken: `retention-${unique}` },
  });
  flowId = flow.id;

  old = [
    await seedRun("SUCCEEDED", new Date("1999-06-01T10:00:00Z")),
    await seedRun("FAILED", new Date("1999-12-31T23:00:00Z")),
    await seedRun("SKIPPED", new Date("1999-03-01T10:00:00Z"), false),
    await seedRun("CANCELLED", new Date("1999-04-01T10:00:00Z")),
    await seedRun("SUCCEEDED", new Date("1999-07-01T10:00:00Z")),
    await seedRun("DUPLICATE", new Date("1999-08-01T10:00:00Z"), false),
  ];
  // A QUEUED or RUNNING run still needs its event to execute, however old it is.
  oldUnfinished = [
    await seedRun("QUEUED", new Date("1999-05-01T10:00:00Z"), false),
    await seedRun("RUNNING", new Date("1999-05-02T10:00:00Z")),
  ];
  recent = [
    // Two days after the cutoff, and one from today.
    await seedRun("SUCCEEDED", new Date(Date.UTC(2000, 0, 3))),
    await seedRun("FAILED", new Date()),
  ];
  for (const run of [...old, ...oldUnfinished, ...recent]) before.set(run.id, await readRun(run.id));
});

afterAll(async () => {
  // Cascades to the flow, runs and steps; only our own rows.
  await prisma.workspace.deleteMany({ where: { id: workspaceId } });
  await prisma.user.deleteMany({ where: { id: userId } });
});

describe("pruneRunPayloads", () => {
  it("drops the payloads of finished runs older than the retention age, keeping status, timings and errors", async () => {
    const startedAt = Date.now();
    // A batch of 2 makes the five old runs take several rounds.
    const pruned = await pruneRunPayloads(retentionDays, 2);
    expect(pruned).toBeGreaterThanOrEqual(old.length);

    for (const { id } of old) {
      const run = await readRun(id);
      const original = before.get(id)!;
      expect(run.trigger).toBeNull();
      expect(run.payloadPrunedAt?.getTime()).toBeGreaterThanOrEqual(startedAt - 1_000);
      // Everything the history and its charts show stays as it was.
      expect(run).toMatchObject({
        status: original.status,
        source: original.source,
        error: original.error,
        attempts: original.attempts,
        createdAt: original.createdAt,
        startedAt: original.startedAt,
        finishedAt: original.finishedAt,
        durationMs: original.durationMs,
      });
      expect(run.steps).toHaveLength(original.steps.length);
      run.steps.forEach((step, index) => {
        const was = original.steps[index]!;
        expect(step).toMatchObject({ input: null, output: null });
        expect(step).toMatchObject({
          id: was.id,
          stepKey: was.stepKey,
          action: was.action,
          status: was.status,
          error: was.error,
          attempts: was.attempts,
          idempotencyKey: was.idempotencyKey,
          startedAt: was.startedAt,
          finishedAt: was.finishedAt,
          durationMs: was.durationMs,
        });
      });
    }
  });

  it("keeps everything of newer runs, and of old runs that have not finished", async () => {
    await pruneRunPayloads(retentionDays);
    for (const { id } of [...recent, ...oldUnfinished]) {
      const run = await readRun(id);
      expect(run).toEqual(before.get(id));
      expect(run.payloadPrunedAt).toBeNull();
      expect(run.trigger).not.toBeNull();
    }
  });

  it("is idempotent: a second day's job leaves pruned runs as they were", async () => {
    const first = await Promise.all(old.map((run) => readRun(run.id)));
    await pruneRunPayloads(retentionDays);
    const second = await Promise.all(old.map((run) => readRun(run.id)));
    expect(second).toEqual(first);
  });

  it("forgets webhook event ids past their window, and only those", async () => {
    const claim = (eventId: string, expiresAt: Date) =>
      prisma.webhookEvent.create({
        data: { flowId, workspaceId, eventId, runId: old[0]!.id, receivedAt: new Date("1999-06-01"), expiresAt },
      });
    await claim(`expired-${unique}`, new Date(Date.now() - 60_000));
    await claim(`expired-long-ago-${unique}`, new Date("1999-06-08"));
    await claim(`live-${unique}`, new Date(Date.now() + 86_400_000));
    // A batch of 1 makes the expired ids take several rounds.
    await pruneRunPayloads(retentionDays, 1);
    const left = await prisma.webhookEvent.findMany({ where: { flowId, workspaceId }, select: { eventId: true } });
    expect(left.map((row) => row.eventId)).toEqual([`live-${unique}`]);
  });

  it("refuses to re-run a pruned run (no event to restart from, no outputs to resume with)", async () => {
    const failed = old.find((run) => run.status === "FAILED")!;
    for (const mode of ["restart", "resume"] as const) {
      const replay = replayRun({ workspaceId, userId, runId: failed.id, mode });
      await expect(replay).rejects.toThrow(InvalidInputError);
      await expect(replay).rejects.toThrow(/removed after the retention period/);
    }
    expect(await prisma.run.count({ where: { workspaceId, replayOfId: failed.id } })).toBe(0);
  });
});
