import { prisma } from "@ledgerflow/db";
import type { ExecutedStep, StepError } from "@ledgerflow/engine";
import { LeaseLostError, type RunLease } from "./run-lease";
import { jsonText, newRecordId, SQL_NOW } from "./run-sql";

// The StepRun rows of one execution, written as plain SQL (Prisma's query compiler cost more CPU
// than the rest of the worker's work on a run: docs/PERFORMANCE.md). Every write carries the
// execution's lease fence: a write that finds the fence closed changes nothing and throws
// LeaseLostError, so an execution that lost its run can never overwrite its successor's records.

/** How many earlier attempts' errors a step keeps (the latest ones). */
const ATTEMPT_ERRORS_KEPT = 20;

function fenced(lease: RunLease, changed: number): void {
  if (changed === 0) {
    lease.markLost();
    throw new LeaseLostError(lease.runId);
  }
}

/**
 * Before the call: the step is RUNNING with its resolved input and its idempotency key — stored
 * first, so a crash after the call still knows which key the next attempt must repeat.
 */
export async function recordStepStarted(
  lease: RunLease,
  step: ExecutedStep,
  index: number,
  input: unknown,
  idempotencyKey: string,
): Promise<void> {
  const { runId, workspaceId } = lease;
  const changed = await prisma.$executeRaw`
    INSERT INTO "StepRun" (id, "workspaceId", "runId", "stepKey", index, action, status, input, attempts,
                           "idempotencyKey", "startedAt")
    SELECT ${newRecordId()}, ${workspaceId}, ${runId}, ${step.key}, ${index}, ${step.action}, 'RUNNING'::"StepStatus",
           ${jsonText(input)}::jsonb, 1, ${idempotencyKey}, ${SQL_NOW}
     WHERE ${lease.fence}
    ON CONFLICT ("runId", "stepKey") DO UPDATE
       SET action = EXCLUDED.action, index = EXCLUDED.index, status = 'RUNNING'::"StepStatus",
           input = COALESCE(EXCLUDED.input, "StepRun".input), "startedAt" = EXCLUDED."startedAt",
           attempts = "StepRun".attempts + 1`;
  fenced(lease, changed);
}

/** The step's output; an earlier attempt's error no longer describes it and is cleared. */
export async function recordStepSucceeded(lease: RunLease, step: ExecutedStep, output: unknown): Promise<void> {
  const changed = await prisma.$executeRaw`
    UPDATE "StepRun"
       SET status = 'SUCCEEDED'::"StepStatus", output = ${jsonText(output) ?? "{}"}::jsonb, error = NULL,
           "finishedAt" = ${SQL_NOW},
           "durationMs" = GREATEST(0, (EXTRACT(EPOCH FROM (${SQL_NOW} - "startedAt")) * 1000)::int)
     WHERE "runId" = ${lease.runId} AND "stepKey" = ${step.key} AND "workspaceId" = ${lease.workspaceId}
       AND ${lease.fence}`;
  fenced(lease, changed);
}

/**
 * A failed attempt: the step is FAILED with this error, which is also appended to its attempt
 * errors (what the run history lists once a later attempt succeeds). `input` is absent when the
 * step failed before its input could be resolved.
 */
export async function recordStepFailed(
  lease: RunLease,
  step: ExecutedStep,
  index: number,
  error: StepError,
  input: unknown,
  idempotencyKey: string,
): Promise<void> {
  const { runId, workspaceId } = lease;
  const stored = jsonText(error.toJSON());
  const attempt = JSON.stringify({ message: error.message, code: error.code, at: new Date().toISOString() });
  const changed = await prisma.$executeRaw`
    INSERT INTO "StepRun" (id, "workspaceId", "runId", "stepKey", index, action, status, input, error,
                           "attemptErrors", attempts, "idempotencyKey", "startedAt", "finishedAt", "durationMs")
    SELECT ${newRecordId()}, ${workspaceId}, ${runId}, ${step.key}, ${index}, ${step.action}, 'FAILED'::"StepStatus",
           ${jsonText(input)}::jsonb, ${stored}::jsonb, jsonb_build_array(${attempt}::jsonb), 1, ${idempotencyKey},
           ${SQL_NOW}, ${SQL_NOW}, 0
     WHERE ${lease.fence}
    ON CONFLICT ("runId", "stepKey") DO UPDATE
       SET status = 'FAILED'::"StepStatus", error = EXCLUDED.error,
           input = COALESCE(EXCLUDED.input, "StepRun".input),
           "attemptErrors" = CASE
             WHEN jsonb_array_length(COALESCE("StepRun"."attemptErrors", '[]'::jsonb)) >= ${ATTEMPT_ERRORS_KEPT}
               THEN (COALESCE("StepRun"."attemptErrors", '[]'::jsonb) - 0) || EXCLUDED."attemptErrors"
             ELSE COALESCE("StepRun"."attemptErrors", '[]'::jsonb) || EXCLUDED."attemptErrors" END,
           "finishedAt" = EXCLUDED."finishedAt",
           "durationMs" = GREATEST(0, (EXTRACT(EPOCH FROM (EXCLUDED."finishedAt" - "StepRun"."startedAt")) * 1000)::int)`;
  fenced(lease, changed);
}

/**
 * Our own rate limiter said "wait" before the step's call reached Xero: that was no attempt. The
 * step stays RUNNING (the run resumes it when it is due) and its attempt count is given back.
 */
export async function recordStepDeferred(lease: RunLease, step: ExecutedStep): Promise<void> {
  const changed = await prisma.$executeRaw`
    UPDATE "StepRun" SET attempts = GREATEST(0, attempts - 1)
     WHERE "runId" = ${lease.runId} AND "stepKey" = ${step.key} AND "workspaceId" = ${lease.workspaceId}
       AND ${lease.fence}`;
  fenced(lease, changed);
}
