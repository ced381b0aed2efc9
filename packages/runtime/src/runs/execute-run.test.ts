import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import {
  type ActionContext,
  type ActionDefinition,
  CallDeferredError,
  defineConnector,
  type FlowDefinition,
  StepError,
} from "@ledgerflow/engine";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnectorRegistry } from "../connectors/connector-registry";
import { cancelRun } from "./cancel-run";
import { type ExecuteRunDeps, executeRun, InfrastructureError, MAX_INTERRUPTIONS } from "./execute-run";
import { acquireRunLease, LeaseLostError } from "./run-lease";
import { recordStepStarted } from "./step-run-records";

// executeRun against the real database, with a connector of the test's own: each action does what
// the test scripts for its next call (succeed, fail retryably, hit a rate limit, wait, or fail the
// way a real PostgreSQL connection does), so every outcome of an execution can be reached on purpose.

type Script = ((ctx: ActionContext) => unknown | Promise<unknown>)[];
const scripts = new Map<string, Script>();
const calls: { runId: string; key: string }[] = [];

const scripted: ActionDefinition = {
  key: "test.scripted",
  kind: "action",
  group: "Testing",
  title: "Scripted",
  description: "Does what the test scripted for its next call.",
  fields: [{ name: "script", label: "Script", type: "string", required: true }],
  needsConnection: false,
  outputSample: {},
  async run(ctx, input) {
    calls.push({ runId: ctx.idempotencyKey.split(":")[0] ?? "", key: ctx.idempotencyKey });
    const next = scripts.get(String(input.script))?.shift();
    return next ? next(ctx) : { done: true };
  },
};

const testConnector = defineConnector({
  key: "test",
  title: "Test",
  auth: { kind: "none" },
  actions: [scripted],
  triggers: [],
  optionLoaders: {},
});

const deps = (overrides: Partial<ExecuteRunDeps> = {}): ExecuteRunDeps => ({
  connectors: createConnectorRegistry([testConnector]),
  leaseMs: 5_000,
  maxAttempts: 3,
  ...overrides,
});

let workspaceId: string;
let flowId: string;

beforeAll(async () => {
  const workspace = await prisma.workspace.create({ data: { name: `Execute ${randomUUID().slice(0, 6)}` } });
  workspaceId = workspace.id;
  const flow = await prisma.flow.create({
    data: { workspaceId, name: "Scripted", draft: {}, webhookToken: randomUUID() },
  });
  flowId = flow.id;
});
afterAll(() => prisma.workspace.delete({ where: { id: workspaceId } }));

/** A QUEUED run of a one-step flow whose step follows `script`. */
async function queuedRun(script: Script) {
  const name = randomUUID();
  scripts.set(name, script);
  const definition: FlowDefinition = {
    schemaVersion: 2,
    trigger: { type: "manual", config: {} },
    steps: [{ key: "only", action: "test.scripted", input: { script: name } }],
  };
  const version = await prisma.flowVersion.create({
    data: { workspaceId, flowId, number: Math.floor(Math.random() * 1e9), definition: definition as object },
  });
  const run = await prisma.run.create({
    data: { workspaceId, flowId, flowVersionId: version.id, source: "MANUAL", trigger: { type: "manual", body: {} } },
  });
  return { runId: run.id, workspaceId };
}

const readRun = (runId: string) =>
  prisma.run.findFirstOrThrow({ where: { id: runId, workspaceId }, include: { steps: true } });

const retryable = () => {
  throw new StepError("Xero had a problem (HTTP 503).", { code: "xero_unavailable", retryable: true });
};

/** A real node-postgres failure: a connection refused by a port nobody listens on. */
async function refusedConnectionError(): Promise<unknown> {
  const pool = new pg.Pool({ host: "127.0.0.1", port: 9, connectionTimeoutMillis: 2_000 });
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    return error;
  } finally {
    await pool.end();
  }
  throw new Error("port 9 answered");
}

describe("one execution at a time", () => {
  it("a second execution while the first holds the lease is told to wait, and the step runs once", async () => {
    let release!: () => void;
    const job = await queuedRun([() => new Promise((resolve) => (release = () => resolve({ ok: 1 })))]);
    const first = executeRun(job, deps());
    await expect.poll(() => calls.filter((call) => call.runId === job.runId).length).toBe(1);

    const second = await executeRun(job, deps());
    expect(second).toMatchObject({ kind: "wait", reason: "held_elsewhere" });
    expect(second.kind === "wait" && second.delayMs).toBeGreaterThan(3_000);

    release();
    expect(await first).toEqual({ kind: "finished", status: "SUCCEEDED" });
    expect(await executeRun(job, deps())).toEqual({ kind: "finished", status: "NOT_RUNNABLE" });
    expect(calls.filter((call) => call.runId === job.runId)).toHaveLength(1);
    const run = await readRun(job.runId);
    expect(run).toMatchObject({ status: "SUCCEEDED", attempts: 1, leaseExpiresAt: null, leaseToken: 1 });
  });

  it("a worker whose lease ran out can no longer write or call, and its successor counts the interruption", async () => {
    const job = await queuedRun([]);
    const stale = await acquireRunLease(job, 300);
    if (stale.kind !== "acquired") throw new Error("not acquired");
    stale.lease.stop(); // as a worker that froze: no more renewals
    await new Promise((resolve) => setTimeout(resolve, 400));

    const successor = await acquireRunLease(job, 5_000);
    expect(successor.kind).toBe("acquired");
    if (successor.kind !== "acquired") return;
    expect(successor.run.interruptions).toBe(1);

    const step = { key: "only", action: "test.scripted", input: {} };
    await expect(recordStepStarted(stale.lease, step, 0, { a: 1 }, `${job.runId}:only`)).rejects.toBeInstanceOf(
      LeaseLostError,
    );
    expect(() => stale.lease.assertHeld()).toThrow(LeaseLostError);
    expect(stale.lease.signal.aborted).toBe(true);
    expect(await prisma.stepRun.count({ where: { runId: job.runId, workspaceId } })).toBe(0);

    await recordStepStarted(successor.lease, step, 0, { a: 2 }, `${job.runId}:only`);
    expect(await prisma.stepRun.count({ where: { runId: job.runId, workspaceId } })).toBe(1);
    successor.lease.stop();
  });

  it(`a run whose worker vanished more than ${MAX_INTERRUPTIONS} times fails instead of looping`, async () => {
    const job = await queuedRun([]);
    await prisma.$executeRaw`UPDATE "Run" SET status = 'RUNNING', interruptions = ${MAX_INTERRUPTIONS},
      "leaseExpiresAt" = now() AT TIME ZONE 'UTC' - interval '1 second' WHERE id = ${job.runId}`;
    expect(await executeRun(job, deps())).toEqual({ kind: "finished", status: "FAILED" });
    const run = await readRun(job.runId);
    expect(run.error).toMatchObject({ code: "interrupted" });
    expect(calls.filter((call) => call.runId === job.runId)).toHaveLength(0);
  });
});

describe("what an attempt costs", () => {
  it("retryable step errors spend the run's attempts; the last one fails it", async () => {
    const job = await queuedRun([retryable, retryable, retryable, retryable]);
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await executeRun(job, deps({ maxAttempts: 3 })));
    expect(outcomes.map((outcome) => (outcome.kind === "wait" ? outcome.reason : outcome.status))).toEqual([
      "retry",
      "retry",
      "FAILED",
    ]);
    const run = await readRun(job.runId);
    expect(run).toMatchObject({ status: "FAILED", attempts: 3, failedAttempts: 2 });
    expect(run.steps[0]).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(run.steps[0]?.attemptErrors).toHaveLength(3);
  });

  it("Xero's rate limit waits as long as Xero asks, spends no attempt, and a success clears the step's error", async () => {
    const limited = () => {
      throw new StepError("Xero's minute rate limit was reached.", {
        code: "rate_limited",
        retryable: true,
        retryAfterMs: 1_234,
      });
    };
    const job = await queuedRun([limited, limited, () => ({ InvoiceID: "inv-1" })]);
    const first = await executeRun(job, deps({ maxAttempts: 1 }));
    expect(first).toEqual({ kind: "wait", delayMs: 1_234, reason: "rate_limited" });
    expect((await readRun(job.runId)).nextAttemptAt).not.toBeNull();
    await executeRun(job, deps({ maxAttempts: 1 }));
    expect(await executeRun(job, deps({ maxAttempts: 1 }))).toEqual({ kind: "finished", status: "SUCCEEDED" });

    const run = await readRun(job.runId);
    expect(run).toMatchObject({
      status: "SUCCEEDED",
      attempts: 3,
      failedAttempts: 0,
      error: null,
      nextAttemptAt: null,
    });
    expect(run.steps[0]).toMatchObject({ status: "SUCCEEDED", error: null, output: { InvoiceID: "inv-1" } });
    expect(run.steps[0]?.attemptErrors).toMatchObject([{ code: "rate_limited" }, { code: "rate_limited" }]);
  });

  it("our own limiter's deferral is no execution: neither the run nor the step counts it", async () => {
    const deferred = () => {
      throw new CallDeferredError("Xero's per-minute limit", 800);
    };
    const job = await queuedRun([deferred, deferred, () => ({ ok: true })]);
    expect(await executeRun(job, deps())).toEqual({ kind: "wait", delayMs: 800, reason: "limiter" });
    await executeRun(job, deps());
    expect(await executeRun(job, deps())).toEqual({ kind: "finished", status: "SUCCEEDED" });
    const run = await readRun(job.runId);
    expect(run).toMatchObject({ attempts: 1, failedAttempts: 0 });
    expect(run.steps[0]).toMatchObject({ attempts: 1, attemptErrors: null });
  });

  it("PostgreSQL failing inside a step is retried without spending an attempt, with its cause kept", async () => {
    const refused = await refusedConnectionError();
    const job = await queuedRun([
      () => {
        throw refused;
      },
      () => ({ ok: true }),
    ]);
    const failure = await executeRun(job, deps({ maxAttempts: 1 })).catch((error) => error);
    expect(failure).toBeInstanceOf(InfrastructureError);
    expect(String(failure.message)).toContain("ECONNREFUSED");

    const waiting = await readRun(job.runId);
    expect(waiting).toMatchObject({ status: "RUNNING", failedAttempts: 0, leaseExpiresAt: null });
    expect(waiting.steps[0]?.error).toMatchObject({
      code: "unavailable",
      retryable: true,
      details: { cause: expect.stringContaining("ECONNREFUSED") },
    });

    expect(await executeRun(job, deps({ maxAttempts: 1 }))).toEqual({ kind: "finished", status: "SUCCEEDED" });
    const run = await readRun(job.runId);
    expect(run.steps[0]).toMatchObject({ status: "SUCCEEDED", error: null });
    expect(run.steps[0]?.attemptErrors).toMatchObject([{ code: "unavailable" }]);
  });

  it("a bug inside a step is not mistaken for an outage: the run fails with a safe message", async () => {
    const job = await queuedRun([
      () => {
        throw new TypeError("Cannot read properties of undefined (reading 'Contacts')");
      },
    ]);
    expect(await executeRun(job, deps())).toEqual({ kind: "finished", status: "FAILED" });
    const run = await readRun(job.runId);
    expect(run.error).toMatchObject({ code: "internal", stepKey: "only" });
    expect(JSON.stringify(run.error)).not.toContain("reading 'Contacts'");
  });
});

describe("idempotency keys", () => {
  it("a step recorded with a carried-over key calls with that key, not the run's own", async () => {
    const job = await queuedRun([() => ({ ok: true })]);
    await prisma.stepRun.create({
      data: {
        workspaceId,
        runId: job.runId,
        stepKey: "only",
        index: 0,
        action: "test.scripted",
        status: "FAILED",
        error: { message: "Xero did not answer in time.", code: "xero_timeout", retryable: true },
        idempotencyKey: "earlier-run:only",
      },
    });
    expect(await executeRun(job, deps())).toEqual({ kind: "finished", status: "SUCCEEDED" });
    expect(calls.filter((call) => call.runId === "earlier-run").map((call) => call.key)).toEqual(["earlier-run:only"]);
    const run = await readRun(job.runId);
    expect(run.steps[0]).toMatchObject({ status: "SUCCEEDED", idempotencyKey: "earlier-run:only", error: null });
  });
});

describe("a step that ends its run on purpose", () => {
  it("a stop (a Filter that did not pass) leaves the run FILTERED with its reason: the step succeeded, nothing failed", async () => {
    const job = await queuedRun([
      (ctx) => {
        ctx.flow.stop("Stopped by filter: total (900) ≤ 1000");
        return { passed: false };
      },
    ]);
    expect(await executeRun(job, deps())).toEqual({ kind: "finished", status: "FILTERED" });
    const run = await readRun(job.runId);
    expect(run).toMatchObject({
      status: "FILTERED",
      stopReason: "Stopped by filter: total (900) ≤ 1000",
      error: null,
      leaseExpiresAt: null,
    });
    expect(run.finishedAt).not.toBeNull();
    expect(run.steps[0]).toMatchObject({ status: "SUCCEEDED", output: { passed: false } });
  });
});

describe("a step that makes its run wait (a Delay)", () => {
  it("the run WAITs until the moment without holding a lease, is not started early, then goes on as one attempt", async () => {
    const until = new Date(Date.now() + 1_500);
    const job = await queuedRun([
      (ctx) => {
        ctx.flow.waitUntil(until);
        return { until: until.toISOString(), waited: true };
      },
    ]);
    const outcome = await executeRun(job, deps());
    expect(outcome).toMatchObject({ kind: "wait", reason: "delay" });
    expect(outcome.kind === "wait" && outcome.delayMs).toBeGreaterThan(1_000);
    const waiting = await readRun(job.runId);
    expect(waiting).toMatchObject({ status: "WAITING", leaseExpiresAt: null, nextAttemptAt: until, attempts: 0 });
    expect(waiting.steps[0]).toMatchObject({ status: "SUCCEEDED" });

    // A job that fires before the moment (the sweeper's, say) is sent back to it; nothing runs.
    const early = await executeRun(job, deps());
    expect(early).toMatchObject({ kind: "wait", reason: "delay" });
    expect((await readRun(job.runId)).status).toBe("WAITING");

    await new Promise((resolve) => setTimeout(resolve, until.getTime() - Date.now() + 50));
    expect(await executeRun(job, deps())).toEqual({ kind: "finished", status: "SUCCEEDED" });
    const finished = await readRun(job.runId);
    expect(finished).toMatchObject({ status: "SUCCEEDED", attempts: 1, nextAttemptAt: null });
    // The delay step was not called again after the wait.
    expect(calls.filter((call) => call.runId === job.runId)).toHaveLength(1);
  });

  it("a waiting run can be cancelled; a running or finished one cannot, and another workspace's is not found", async () => {
    const until = new Date(Date.now() + 60 * 60_000);
    const job = await queuedRun([
      (ctx) => {
        ctx.flow.waitUntil(until);
        return { until: until.toISOString(), waited: true };
      },
    ]);
    await executeRun(job, deps());
    await expect(cancelRun({ workspaceId: "another-workspace", runId: job.runId })).rejects.toThrow("Run not found.");
    expect(await cancelRun(job)).toEqual({ runId: job.runId });
    expect(await readRun(job.runId)).toMatchObject({ status: "CANCELLED", nextAttemptAt: null });
    expect(await executeRun(job, deps())).toEqual({ kind: "finished", status: "NOT_RUNNABLE" });
    await expect(cancelRun(job)).rejects.toThrow("Only a run that is waiting (for a Delay) can be cancelled.");
  });
});
