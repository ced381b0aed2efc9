import { prisma } from "@ledgerflow/db";
import { enqueueRun } from "./enqueue-run";

/**
 * The outbox sweeper (DESIGN §6): QUEUED runs older than `queuedAfterMs` may never have reached Redis
 * (Redis was down at ingress, or lost its data), and RUNNING runs untouched for `runningAfterMs` lost
 * their worker and their job. Re-enqueueing is safe: jobId = runId keeps one job per run, and steps
 * that already succeeded are not called again. Spans all workspaces: it runs as the system.
 */
export async function sweepStuckRuns(
  options: { queuedAfterMs?: number; runningAfterMs?: number; batch?: number } = {},
): Promise<number> {
  const { queuedAfterMs = 30_000, runningAfterMs = 10 * 60_000, batch = 1_000 } = options;
  const now = Date.now();
  const stuck = await prisma.run.findMany({
    where: {
      OR: [
        { status: "QUEUED", createdAt: { lt: new Date(now - queuedAfterMs) } },
        { status: "RUNNING", startedAt: { lt: new Date(now - runningAfterMs) } },
      ],
    },
    select: { id: true, workspaceId: true },
    orderBy: { createdAt: "asc" },
    take: batch,
  });
  let enqueued = 0;
  for (const run of stuck) if (await enqueueRun(run)) enqueued++;
  return enqueued;
}
