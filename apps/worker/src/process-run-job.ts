import type { RunJobData } from "@ledgerflow/queue";
import { DEFERRED_BY_LIMITER, type ExecuteRunDeps, executeRun } from "@ledgerflow/runtime";
import { DelayedError, type Job } from "bullmq";

/**
 * One BullMQ job = one attempt at a run. A retryable step error is rethrown so BullMQ retries with
 * the backoff below; our own rate limiter's "wait" moves the job to the delayed set without
 * spending an attempt (DESIGN §6).
 */
export function createRunJobProcessor(deps: ExecuteRunDeps) {
  return async function processRunJob(job: Job<RunJobData>, token?: string): Promise<string> {
    const outcome = await executeRun(
      {
        runId: job.data.runId,
        workspaceId: job.data.workspaceId,
        attempt: job.attemptsMade + 1,
        maxAttempts: job.opts.attempts ?? 1,
      },
      deps,
    );
    if (outcome.kind === "deferred") {
      await job.moveToDelayed(Date.now() + outcome.delayMs, token);
      throw new DelayedError();
    }
    if (outcome.kind === "retry") throw outcome.error;
    return outcome.status;
  };
}

export { DEFERRED_BY_LIMITER };
