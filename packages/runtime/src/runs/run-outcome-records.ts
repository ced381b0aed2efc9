import { prisma } from "@ledgerflow/db";
import { LeaseLostError, type RunLease } from "./run-lease";
import { jsonText, SQL_NOW, sqlNowPlus } from "./run-sql";

// How an execution ends, recorded on its Run row in the statement that also releases the lease
// (fenced by its token: an execution that lost the run records nothing).

function fenced(lease: RunLease, changed: number): void {
  lease.stop();
  if (changed === 0) {
    lease.markLost();
    throw new LeaseLostError(lease.runId);
  }
}

/** `stopReason`: a FILTERED run's, in the bookkeeper's words. */
export async function recordRunFinished(
  lease: RunLease,
  status: "SUCCEEDED" | "FAILED" | "FILTERED",
  error: Record<string, unknown> | null,
  stopReason: string | null = null,
): Promise<void> {
  const changed = await prisma.$executeRaw`
    UPDATE "Run"
       SET status = ${status}::"RunStatus", "finishedAt" = ${SQL_NOW},
           "durationMs" = GREATEST(0, (EXTRACT(EPOCH FROM (${SQL_NOW} - "startedAt")) * 1000)::int),
           error = ${jsonText(error)}::jsonb, "stopReason" = ${stopReason},
           "leaseExpiresAt" = NULL, "nextAttemptAt" = NULL
     WHERE id = ${lease.runId} AND "workspaceId" = ${lease.workspaceId} AND "leaseToken" = ${lease.token}`;
  fenced(lease, changed);
}

export interface RunWait {
  delayMs: number;
  /** This execution ended in a retryable step error: it spends one of RUN_MAX_ATTEMPTS. */
  failedAttempt: boolean;
  /** Our own limiter deferred it before any call: it was no execution, and is not counted as one. */
  deferred: boolean;
}

/** The run stays RUNNING, due again in `delayMs`; the queue holds its job until then. */
export async function recordRunWaiting(lease: RunLease, wait: RunWait): Promise<void> {
  const changed = await prisma.$executeRaw`
    UPDATE "Run"
       SET "leaseExpiresAt" = NULL, "nextAttemptAt" = ${sqlNowPlus(wait.delayMs)},
           attempts = GREATEST(0, attempts - ${wait.deferred ? 1 : 0}),
           "failedAttempts" = "failedAttempts" + ${wait.failedAttempt ? 1 : 0}
     WHERE id = ${lease.runId} AND "workspaceId" = ${lease.workspaceId} AND "leaseToken" = ${lease.token}`;
  fenced(lease, changed);
}

/**
 * A Delay step asked the run to wait until `until`: the run is WAITING, its lease released, due at
 * `until` (the sweeper gives it a job again should Redis lose the delayed one).
 */
export async function recordRunDelayed(lease: RunLease, until: Date): Promise<void> {
  const changed = await prisma.$executeRaw`
    UPDATE "Run"
       SET status = 'WAITING'::"RunStatus", "leaseExpiresAt" = NULL, "nextAttemptAt" = ${until},
           -- The execution that goes on after the wait is the same attempt, not a second one.
           attempts = GREATEST(0, attempts - 1)
     WHERE id = ${lease.runId} AND "workspaceId" = ${lease.workspaceId} AND "leaseToken" = ${lease.token}`;
  fenced(lease, changed);
}
