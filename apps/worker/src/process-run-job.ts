import type { RunJobData } from "@ledgerflow/queue";
import { type ExecuteRunDeps, executeRun } from "@ledgerflow/runtime";
import { DelayedError, type Job } from "bullmq";

/**
 * One BullMQ job = one execution of a run. Every wait the run asks for — Xero's errors and rate
 * limits, our limiter, another execution's lease — moves the job to the delayed set without spending
 * a BullMQ attempt; the run's own attempts are counted in PostgreSQL. Only failures of our stores
 * (InfrastructureError) are thrown, so BullMQ's attempts and backoff count nothing else
 * (docs/ARCHITECTURE.md §6).
 */
export function createRunJobProcessor(deps: ExecuteRunDeps) {
  return async function processRunJob(job: Job<RunJobData>, token?: string): Promise<string> {
    const outcome = await executeRun({ runId: job.data.runId, workspaceId: job.data.workspaceId }, deps);
    if (outcome.kind === "wait") {
      await job.moveToDelayed(Date.now() + outcome.delayMs, token);
      throw new DelayedError();
    }
    return outcome.status;
  };
}
