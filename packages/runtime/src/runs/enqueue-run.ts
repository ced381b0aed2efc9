import { runJobOptions, sharedRunsQueue, withRedisDeadline } from "@ledgerflow/queue";

/**
 * Puts a run on the queue (for create-run.ts). `jobId = runId` makes it idempotent: the sweeper may
 * enqueue a run that create-run already enqueued, and BullMQ keeps one job. Returns false (and
 * logs) when Redis is down — the run stays QUEUED in Postgres and the worker's sweeper enqueues it
 * later.
 */
export async function enqueueRun(run: { id: string; workspaceId: string }, options: { delayMs?: number } = {}) {
  try {
    await withRedisDeadline(
      sharedRunsQueue().add(
        "run",
        { runId: run.id, workspaceId: run.workspaceId },
        runJobOptions(run.id, options.delayMs),
      ),
    );
    return true;
  } catch (error) {
    console.warn(`[runs] could not enqueue run ${run.id}; the sweeper will retry: ${(error as Error).message}`);
    return false;
  }
}

/**
 * For the sweeper: makes sure an unfinished run has a live job. A job that is missing (Redis lost it,
 * or create-run could not add it) is added; a failed or completed one — which a plain `add` with the
 * same id would silently keep — is replaced. Waiting, delayed and active jobs are left alone.
 * Returns whether a job was added.
 */
export async function ensureRunJob(run: { id: string; workspaceId: string }, delayMs = 0): Promise<boolean> {
  const queue = sharedRunsQueue();
  const state = await queue.getJobState(run.id);
  if (state === "failed" || state === "completed") {
    // Refused for a job that a worker has just locked: then it is alive, which is all we wanted.
    const removed = await queue.remove(run.id).catch(() => 0);
    if (removed !== 1) return false;
  } else if (state !== "unknown") {
    return false;
  }
  await queue.add("run", { runId: run.id, workspaceId: run.workspaceId }, runJobOptions(run.id, delayMs || undefined));
  return true;
}
