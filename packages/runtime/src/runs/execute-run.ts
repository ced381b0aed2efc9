import { type Prisma, prisma } from "@ledgerflow/db";
import { type Catalog, executeFlow, type FlowStep, StepError, upgradeFlowDefinition } from "@ledgerflow/engine";
import { jsonText, newRecordId } from "./run-sql";

/** The step error code that means "our own Xero rate limiter said wait": never spends an attempt. */
export const DEFERRED_BY_LIMITER = "rate_limited_local";

export interface ExecuteRunDeps {
  catalog: Catalog;
  /** The connector client for one step (the worker composes getXeroClient and the rate limiter). */
  clientFor: (step: FlowStep, run: { id: string; workspaceId: string }) => Promise<unknown>;
}

export interface RunAttempt {
  runId: string;
  workspaceId: string;
  /** 1-based attempt number of this execution, and how many the queue allows. */
  attempt: number;
  maxAttempts: number;
}

export type ExecuteRunOutcome =
  | { kind: "finished"; status: "SUCCEEDED" | "FAILED" | "CANCELLED" | "NOT_RUNNABLE" }
  | { kind: "retry"; error: StepError }
  | { kind: "deferred"; delayMs: number };

const json = (value: unknown) => (value === undefined ? undefined : (value as Prisma.InputJsonValue));

/**
 * Runs (or resumes) one run: steps that already SUCCEEDED keep their outputs and are not called
 * again (crash recovery and "resume" replays); every other step resolves, validates and calls its
 * action with Idempotency-Key `<runId>:<stepKey>`, and each StepRun is stored as it happens.
 * Retry policy stays with the caller: a retryable failure is returned, not slept on.
 */
export async function executeRun(attempt: RunAttempt, deps: ExecuteRunDeps): Promise<ExecuteRunOutcome> {
  const { runId, workspaceId } = attempt;
  const run = await prisma.run.findFirst({
    where: { id: runId, workspaceId },
    select: {
      id: true,
      workspaceId: true,
      status: true,
      trigger: true,
      startedAt: true,
      createdAt: true,
      flowVersion: { select: { definition: true } },
      steps: { where: { status: "SUCCEEDED" }, select: { stepKey: true, output: true } },
    },
  });
  if (!run?.flowVersion || !["QUEUED", "RUNNING"].includes(run.status)) {
    return { kind: "finished", status: "NOT_RUNNABLE" };
  }

  const startedAt = run.startedAt ?? new Date();
  // The per-step bookkeeping below is plain SQL: Prisma's query compiler cost more CPU than the
  // rest of the worker's work on a run (docs/PERFORMANCE.md). Times are UTC without a zone, as
  // Prisma stores them.
  await prisma.$executeRaw`
    UPDATE "Run" SET status = 'RUNNING', "startedAt" = (${startedAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
                     attempts = attempts + 1
     WHERE id = ${runId} AND "workspaceId" = ${workspaceId}`;

  const definition = upgradeFlowDefinition(run.flowVersion.definition);
  const previousOutputs = Object.fromEntries(run.steps.map((step) => [step.stepKey, step.output]));
  const stepIndex = new Map(definition.steps.map((step, index) => [step.key, index]));
  const stepStarted = new Map<string, number>();
  // One client per connection for the whole attempt: the connection row is read and its token
  // decrypted once per run, not once per step (a failed lookup is not kept, so a step retries it).
  const clients = new Map<string, Promise<unknown>>();
  const clientFor = (step: FlowStep) => {
    if (!step.connectionId) return deps.clientFor(step, run);
    let client = clients.get(step.connectionId);
    if (!client) {
      client = deps.clientFor(step, run);
      clients.set(step.connectionId, client);
      client.catch(() => clients.delete(step.connectionId!));
    }
    return client;
  };

  const result = await executeFlow({
    definition,
    trigger: run.trigger,
    catalog: deps.catalog,
    runId,
    previousOutputs,
    clientFor,
    hooks: {
      async onStepStart(step, input) {
        const now = new Date();
        stepStarted.set(step.key, now.getTime());
        await prisma.$executeRaw`
          INSERT INTO "StepRun" (id, "workspaceId", "runId", "stepKey", index, action, status, input, attempts,
                                 "idempotencyKey", "startedAt")
          VALUES (${newRecordId(now)}, ${workspaceId}, ${runId}, ${step.key}, ${stepIndex.get(step.key) ?? 0},
                  ${step.action}, 'RUNNING'::"StepStatus", ${jsonText(input)}::jsonb, 1, ${`${runId}:${step.key}`},
                  (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'))
          ON CONFLICT ("runId", "stepKey") DO UPDATE
             SET action = EXCLUDED.action, index = EXCLUDED.index, status = 'RUNNING'::"StepStatus",
                 input = COALESCE(EXCLUDED.input, "StepRun".input), "startedAt" = EXCLUDED."startedAt",
                 attempts = "StepRun".attempts + 1`;
      },
      async onStepSucceeded(step, output) {
        const began = stepStarted.get(step.key) ?? Date.now();
        const now = new Date();
        const updated = await prisma.$executeRaw`
          UPDATE "StepRun"
             SET status = 'SUCCEEDED'::"StepStatus", output = ${jsonText(output) ?? "{}"}::jsonb,
                 "finishedAt" = (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
                 "durationMs" = ${now.getTime() - began}
           WHERE "runId" = ${runId} AND "stepKey" = ${step.key} AND "workspaceId" = ${workspaceId}`;
        if (updated !== 1) throw new Error(`The step run ${runId}:${step.key} was not found.`);
      },
      async onStepFailed(step, error, input) {
        const began = stepStarted.get(step.key) ?? Date.now();
        await prisma.stepRun.upsert({
          where: { runId_stepKey: { runId, stepKey: step.key } },
          create: {
            workspaceId,
            runId,
            stepKey: step.key,
            index: stepIndex.get(step.key) ?? 0,
            action: step.action,
            status: "FAILED",
            input: json(input),
            error: json(error.toJSON()),
            attempts: 1,
            idempotencyKey: `${runId}:${step.key}`,
            finishedAt: new Date(),
            durationMs: 0,
          },
          update: {
            status: "FAILED",
            error: json(error.toJSON()),
            finishedAt: new Date(),
            durationMs: Date.now() - began,
          },
        });
      },
    },
  });

  if (result.status === "SUCCEEDED") {
    await finishRun(runId, workspaceId, startedAt, "SUCCEEDED", null);
    return { kind: "finished", status: "SUCCEEDED" };
  }

  const error =
    result.error instanceof StepError ? result.error : new StepError("The step failed.", { code: "internal" });
  if (error.code === DEFERRED_BY_LIMITER) return { kind: "deferred", delayMs: error.retryAfterMs ?? 1_000 };
  if (error.retryable && attempt.attempt < attempt.maxAttempts) return { kind: "retry", error };
  await finishRun(runId, workspaceId, startedAt, "FAILED", { ...error.toJSON(), stepKey: result.failedStep?.key });
  return { kind: "finished", status: "FAILED" };
}

async function finishRun(
  runId: string,
  workspaceId: string,
  startedAt: Date,
  status: "SUCCEEDED" | "FAILED",
  error: Record<string, unknown> | null,
) {
  const finishedAt = new Date();
  await prisma.$executeRaw`
    UPDATE "Run"
       SET status = ${status}::"RunStatus", "finishedAt" = (${finishedAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
           "durationMs" = ${finishedAt.getTime() - startedAt.getTime()}, error = COALESCE(${jsonText(error)}::jsonb, error)
     WHERE id = ${runId} AND "workspaceId" = ${workspaceId}`;
}
