import { Prisma, prisma } from "@ledgerflow/db";
import { SQL_NOW, sqlNowPlus } from "./run-sql";

// The execution lease (docs/ARCHITECTURE.md §6, "Leases"). BullMQ hands a job to one worker at a
// time only while Redis remembers it; Redis may forget (restarted empty, a lock that lapsed), so the
// one-worker-per-run rule lives in PostgreSQL. A worker takes the lease by bumping the run's
// `leaseToken` — the fencing token — and every bookkeeping write of that execution carries the token:
// a worker that lost its lease (paused, cut off, taken over) can no longer write, and it stops
// before its next Xero call.

/** Thrown when this execution no longer holds its run's lease: it must stop at once. */
export class LeaseLostError extends Error {
  constructor(runId: string) {
    super(`The execution lease of run ${runId} was lost; another attempt will take over.`);
    this.name = "LeaseLostError";
  }
}

export interface SucceededStep {
  stepKey: string;
  output: unknown;
}

/** What an execution needs of its run, read in the statement that takes the lease. */
export interface LeasedRun {
  trigger: unknown;
  startedAt: Date;
  /** The published definition the run executes; null when that version no longer exists. */
  definition: unknown | null;
  succeededSteps: SucceededStep[];
  /** The idempotency key each recorded step uses (carried over by a resume, or this run's own). */
  idempotencyKeys: Record<string, string>;
  /** Executions whose worker vanished without releasing the lease, this one's predecessor included. */
  interruptions: number;
  /** Executions so far that ended in a retryable step error. */
  failedAttempts: number;
}

export type AcquireRunLeaseResult =
  | { kind: "acquired"; lease: RunLease; run: LeasedRun }
  | { kind: "not_runnable" }
  | { kind: "held_elsewhere"; retryInMs: number }
  /** A WAITING run whose moment has not come: its job comes back in `retryInMs`. */
  | { kind: "not_due"; retryInMs: number };

interface AcquiredRow {
  leaseToken: number;
  interruptions: number;
  failedAttempts: number;
  trigger: unknown;
  startedAt: Date;
  definition: unknown | null;
  succeededSteps: SucceededStep[];
  idempotencyKeys: Record<string, string> | null;
}

/**
 * Takes the lease of a QUEUED or RUNNING run (or a WAITING one whose moment has come) nobody holds, or
 * whose holder's lease ran out, marks it RUNNING and counts the execution — one statement, which also
 * reads the run's trigger, definition and the outputs of the steps that already succeeded.
 */
export async function acquireRunLease(
  run: { runId: string; workspaceId: string },
  leaseMs: number,
): Promise<AcquireRunLeaseResult> {
  const { runId, workspaceId } = run;
  const sentAt = performance.now();
  const [row] = await prisma.$queryRaw<AcquiredRow[]>`
    WITH acquired AS (
      UPDATE "Run"
         SET "leaseToken" = "leaseToken" + 1,
             "leaseExpiresAt" = ${sqlNowPlus(leaseMs)},
             interruptions = interruptions + CASE WHEN "leaseExpiresAt" IS NULL THEN 0 ELSE 1 END,
             attempts = attempts + 1,
             status = 'RUNNING'::"RunStatus",
             "startedAt" = COALESCE("startedAt", ${SQL_NOW}),
             "nextAttemptAt" = NULL
       WHERE id = ${runId} AND "workspaceId" = ${workspaceId}
         AND (status IN ('QUEUED', 'RUNNING') OR (status = 'WAITING' AND "nextAttemptAt" <= ${SQL_NOW}))
         AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${SQL_NOW})
      RETURNING id, "flowVersionId", trigger, "startedAt", "leaseToken", interruptions, "failedAttempts"
    )
    SELECT a."leaseToken", a.interruptions, a."failedAttempts", a.trigger, a."startedAt", v.definition,
           COALESCE((SELECT json_agg(json_build_object('stepKey', s."stepKey", 'output', s.output))
                       FROM "StepRun" s
                      WHERE s."runId" = a.id AND s."workspaceId" = ${workspaceId} AND s.status = 'SUCCEEDED'),
                    '[]'::json) AS "succeededSteps",
           (SELECT json_object_agg(s."stepKey", s."idempotencyKey")
              FROM "StepRun" s WHERE s."runId" = a.id AND s."workspaceId" = ${workspaceId}) AS "idempotencyKeys"
      FROM acquired a
      LEFT JOIN "FlowVersion" v ON v.id = a."flowVersionId" AND v."workspaceId" = ${workspaceId}`;
  if (row) {
    const lease = new RunLease(runId, workspaceId, row.leaseToken, leaseMs, sentAt);
    return {
      kind: "acquired",
      lease,
      run: {
        trigger: row.trigger,
        startedAt: row.startedAt,
        definition: row.definition,
        succeededSteps: row.succeededSteps,
        idempotencyKeys: row.idempotencyKeys ?? {},
        interruptions: row.interruptions,
        failedAttempts: row.failedAttempts,
      },
    };
  }

  const [current] = await prisma.$queryRaw<
    { status: string; leaseRemainingMs: number | null; dueInMs: number | null }[]
  >`
    SELECT status::text,
           (EXTRACT(EPOCH FROM ("leaseExpiresAt" - ${SQL_NOW})) * 1000)::int AS "leaseRemainingMs",
           CEIL(EXTRACT(EPOCH FROM ("nextAttemptAt" - ${SQL_NOW})) * 1000)::int AS "dueInMs"
      FROM "Run" WHERE id = ${runId} AND "workspaceId" = ${workspaceId}`;
  // A job that fires before a waiting run's moment (one the sweeper added, say) comes back at it.
  if (current?.status === "WAITING") return { kind: "not_due", retryInMs: Math.max(1, current.dueInMs ?? 1) };
  if (!current || !["QUEUED", "RUNNING"].includes(current.status)) return { kind: "not_runnable" };
  // Another execution holds it (a duplicate job after Redis forgot, or a stalled job handed on while
  // its first worker still works): come back when that lease would have run out.
  return { kind: "held_elsewhere", retryInMs: Math.max(250, (current.leaseRemainingMs ?? 0) + 250) };
}

/**
 * One execution's hold on its run. It renews itself every third of its length; `assertHeld()` is
 * checked before every Xero call, and `signal` aborts the execution's calls as soon as the lease is
 * known to be lost. `fence` is the SQL condition every bookkeeping write adds.
 */
export class RunLease {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  /** Local monotonic time until which the lease is certainly still ours. */
  private validUntil: number;
  private lost = false;

  constructor(
    readonly runId: string,
    readonly workspaceId: string,
    readonly token: number,
    private readonly leaseMs: number,
    /** performance.now() before the acquiring statement was sent: never later than the database's clock started the lease. */
    acquiredAt: number,
  ) {
    this.signal = this.controller.signal;
    this.validUntil = acquiredAt + this.safeSpan();
    this.timer = setInterval(() => void this.renew(), Math.max(100, Math.floor(leaseMs / 3)));
    this.timer.unref();
  }

  /** `EXISTS (…)`: true while this execution's token is still the run's; locks the run row against a takeover meanwhile. */
  get fence(): Prisma.Sql {
    return Prisma.sql`EXISTS (SELECT 1 FROM "Run" WHERE id = ${this.runId} AND "workspaceId" = ${this.workspaceId}
                               AND "leaseToken" = ${this.token} FOR SHARE)`;
  }

  get held(): boolean {
    return !this.lost && performance.now() < this.validUntil;
  }

  /** Throws LeaseLostError (and aborts the execution's calls) once the lease may belong to someone else. */
  assertHeld(): void {
    if (this.held) return;
    this.markLost();
    throw new LeaseLostError(this.runId);
  }

  /** For a write that found the fence closed. */
  markLost(): void {
    this.lost = true;
    this.controller.abort(new LeaseLostError(this.runId));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private safeSpan(): number {
    // Leave room for the renewal's own round trip and for clock rate differences.
    return this.leaseMs - Math.max(50, Math.floor(this.leaseMs / 10));
  }

  private async renew(): Promise<void> {
    if (this.lost) return;
    const sentAt = performance.now();
    try {
      const renewed = await prisma.$executeRaw`
        UPDATE "Run" SET "leaseExpiresAt" = ${sqlNowPlus(this.leaseMs)}
         WHERE id = ${this.runId} AND "workspaceId" = ${this.workspaceId} AND "leaseToken" = ${this.token}
           AND "leaseExpiresAt" IS NOT NULL`;
      if (renewed === 1) this.validUntil = sentAt + this.safeSpan();
      else this.markLost();
    } catch {
      // The database is unreachable: the lease runs out on its own; `held` turns false when it does.
      if (!this.held) this.markLost();
    }
  }
}

/** Ends the execution's hold without recording an outcome (after an infrastructure error); best effort. */
export async function releaseRunLease(lease: RunLease): Promise<void> {
  lease.stop();
  await prisma.$executeRaw`UPDATE "Run" SET "leaseExpiresAt" = NULL WHERE id = ${lease.runId} AND "workspaceId" = ${lease.workspaceId} AND "leaseToken" = ${lease.token}`.catch(
    () => undefined,
  );
}
