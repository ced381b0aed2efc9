import { serverEnv } from "@ledgerflow/config";
import { sharedRunsQueue } from "@ledgerflow/queue";

/**
 * Puts a run on the queue. `jobId = runId` makes it idempotent: the sweeper may enqueue a run that
 * ingress already enqueued, and BullMQ keeps one job. Returns false (and logs) when Redis is down —
 * the run stays QUEUED in Postgres and the worker's sweeper enqueues it later.
 */
// Ingress must answer even when Redis hangs rather than refuses: the run is already safe in Postgres.
const ENQUEUE_TIMEOUT_MS = 1_000;

export async function enqueueRun(run: { id: string; workspaceId: string }, options: { delayMs?: number } = {}) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from Redis within ${ENQUEUE_TIMEOUT_MS} ms`)),
      ENQUEUE_TIMEOUT_MS,
    );
  });
  try {
    const add = sharedRunsQueue().add(
      "run",
      { runId: run.id, workspaceId: run.workspaceId },
      {
        jobId: run.id,
        delay: options.delayMs,
        attempts: serverEnv().RUN_MAX_ATTEMPTS,
        backoff: { type: "ledgerflow" },
        removeOnComplete: true,
        removeOnFail: 1_000,
      },
    );
    await Promise.race([add, timeout]);
    return true;
  } catch (error) {
    console.warn(`[runs] could not enqueue run ${run.id}; the sweeper will retry: ${(error as Error).message}`);
    return false;
  } finally {
    clearTimeout(timer);
  }
}
