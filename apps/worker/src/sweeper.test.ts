import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { bullPrefix, createRedis, createRunsQueue, RUNS_QUEUE, type RunJobData } from "@ledgerflow/queue";
import { sweepStuckRuns } from "@ledgerflow/runtime";
import { type Queue, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace } from "./testing/seed";

// The sweeper against the real PostgreSQL and Redis, on a queue prefix of its own that no worker
// process consumes, so the test sees exactly the jobs the sweeper leaves behind. The suite's own
// worker sweeps the same database with a 30 s grace: the runs here are "overdue" after 5 s, so that
// it never gets to them first.
process.env.REDIS_PREFIX = `lftest_sweep_${randomUUID().slice(0, 8)}`;

let queue: Queue<RunJobData>;
let workspaceId: string;
let flowId: string;

beforeAll(async () => {
  queue = createRunsQueue();
  const { workspace } = await seedWorkspace();
  workspaceId = workspace.id;
  const flow = await prisma.flow.create({
    data: { workspaceId, name: "Swept", draft: {}, webhookToken: randomUUID() },
  });
  flowId = flow.id;
});
afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
});

const ago = (ms: number) => new Date(Date.now() - ms);
const GRACE_MS = 5_000;

async function seedRun(fields: {
  status: "QUEUED" | "RUNNING" | "SUCCEEDED";
  createdAt?: Date;
  leaseExpiresAt?: Date | null;
  nextAttemptAt?: Date | null;
}) {
  const run = await prisma.run.create({
    data: { workspaceId, flowId, source: "WEBHOOK", createdAt: fields.createdAt ?? ago(10_000), ...fields },
  });
  return { id: run.id, workspaceId };
}

/** Forgets every key of this test's prefix, as a Redis restarted without persistence does. */
async function loseRedisData() {
  const redis = createRedis("client");
  const keys = await redis.keys(`${process.env.REDIS_PREFIX}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}

describe("sweepStuckRuns", () => {
  it("gives an overdue run without a job a new one, and leaves leased, waiting and finished runs alone", async () => {
    await sweepStuckRuns(); // the first sweep of a deployment claims its marker
    const missing = await seedRun({ status: "QUEUED" });
    const crashed = await seedRun({ status: "RUNNING", leaseExpiresAt: ago(5_000) });
    const leased = await seedRun({ status: "RUNNING", leaseExpiresAt: new Date(Date.now() + 60_000) });
    const waiting = await seedRun({ status: "RUNNING", nextAttemptAt: new Date(Date.now() + 120_000) });
    const young = await seedRun({ status: "QUEUED", createdAt: new Date() });
    const finished = await seedRun({ status: "SUCCEEDED" });

    const result = await sweepStuckRuns({ graceMs: GRACE_MS });
    expect(result.redisWasReset).toBe(false);
    expect(await queue.getJobState(missing.id)).toBe("waiting");
    expect(await queue.getJobState(crashed.id)).toBe("waiting");
    for (const run of [leased, waiting, young, finished]) expect(await queue.getJobState(run.id)).toBe("unknown");
    // A second sweep finds their jobs in place and adds nothing.
    expect((await sweepStuckRuns({ graceMs: GRACE_MS })).enqueued).toBe(0);
  });

  it("replaces a job BullMQ failed for good (a plain add with the same id would be a no-op)", async () => {
    await queue.drain(); // only this test's job below
    const run = await seedRun({ status: "RUNNING", leaseExpiresAt: ago(5_000) });
    // The real thing: a job that a worker's attempt left in the failed set, as BullMQ leaves one it
    // failed for "job stalled more than allowable limit".
    await queue.add("run", { runId: run.id, workspaceId }, { jobId: run.id, attempts: 1, removeOnFail: 1_000 });
    const failing = new Worker<RunJobData>(
      RUNS_QUEUE,
      async () => {
        throw new Error("job stalled more than allowable limit");
      },
      { connection: createRedis("worker"), prefix: bullPrefix(), autorun: false },
    );
    const failed = new Promise((resolve) => failing.once("failed", resolve));
    void failing.run();
    await failed;
    await failing.close();
    expect(await queue.getJobState(run.id)).toBe("failed");

    expect((await sweepStuckRuns({ graceMs: GRACE_MS })).enqueued).toBeGreaterThanOrEqual(1);
    expect(await queue.getJobState(run.id)).toBe("waiting");
  });

  it("after Redis lost its data, every unfinished run gets its job back at once, keeping its due time", async () => {
    await sweepStuckRuns();
    const young = await seedRun({ status: "QUEUED", createdAt: new Date() });
    const waiting = await seedRun({ status: "RUNNING", nextAttemptAt: new Date(Date.now() + 120_000) });
    await loseRedisData();

    const result = await sweepStuckRuns({ graceMs: GRACE_MS });
    expect(result.redisWasReset).toBe(true);
    expect(await queue.getJobState(young.id)).toBe("waiting");
    expect(await queue.getJobState(waiting.id)).toBe("delayed");
    const delayed = await queue.getJob(waiting.id);
    expect(delayed?.opts.delay).toBeGreaterThan(100_000);
    expect(delayed?.opts.delay).toBeLessThanOrEqual(120_000);
    // The marker is back: the next sweep is an ordinary one.
    expect((await sweepStuckRuns({ graceMs: GRACE_MS })).redisWasReset).toBe(false);
  });
});
