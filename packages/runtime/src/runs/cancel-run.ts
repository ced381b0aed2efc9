import { prisma } from "@ledgerflow/db";
import { ConflictError, NotFoundError } from "../errors/domain-errors";
import { SQL_NOW } from "./run-sql";

export interface CancelRunInput {
  workspaceId: string;
  runId: string;
}

/**
 * "Cancel run" on a run a Delay keeps WAITING: it ends CANCELLED and its steps after the delay never
 * run. Only a waiting run nobody is executing can be cancelled, so a step is never cut off midway;
 * its delayed job, when it fires, finds nothing to run. Resuming it later goes on without the wait.
 */
export async function cancelRun(input: CancelRunInput): Promise<{ runId: string }> {
  const { workspaceId, runId } = input;
  const changed = await prisma.$executeRaw`
    UPDATE "Run"
       SET status = 'CANCELLED'::"RunStatus", "finishedAt" = ${SQL_NOW}, "nextAttemptAt" = NULL,
           "durationMs" = GREATEST(0, (EXTRACT(EPOCH FROM (${SQL_NOW} - "startedAt")) * 1000)::int)
     WHERE id = ${runId} AND "workspaceId" = ${workspaceId}
       AND status = 'WAITING' AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${SQL_NOW})`;
  if (changed === 1) return { runId };
  const run = await prisma.run.findFirst({ where: { id: runId, workspaceId }, select: { status: true } });
  if (!run) throw new NotFoundError("Run");
  throw new ConflictError(
    run.status === "RUNNING"
      ? "This run is executing a step right now; it can be cancelled once it waits again."
      : "Only a run that is waiting (for a Delay) can be cancelled.",
  );
}
