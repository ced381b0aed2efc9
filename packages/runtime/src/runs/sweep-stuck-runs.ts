import { Prisma, prisma } from "@ledgerflow/db";
import { redisKey, sharedRedis } from "@ledgerflow/queue";
import { ensureRunJob } from "./enqueue-run";
import { SQL_NOW } from "./run-sql";

/**
 * The sweeper (docs/ARCHITECTURE.md §6, "Sweeper"), run by every worker: PostgreSQL says which runs
 * are unfinished, Redis only holds their jobs. A run nobody holds a lease on, due for longer than
 * `graceMs` (QUEUED since it was created, or RUNNING or WAITING past its `nextAttemptAt`), should have a live
 * job; if its job is missing (Redis lost it, or create-run could not add it) or failed, it gets a new
 * one. When Redis has lost its data altogether — a marker key the sweeper sets, which only a data
 * loss removes, is gone — every unfinished run without a lease is checked at once, not only the
 * overdue ones, each keeping its due time.
 * Spans all workspaces: it runs as the system.
 */
export async function sweepStuckRuns(options: { graceMs?: number; batch?: number } = {}): Promise<SweepResult> {
  const { graceMs = 30_000, batch = 500 } = options;
  const marker = redisKey("runs", "sweeper-marker");
  const redisWasReset = (await sharedRedis().exists(marker)) === 0;
  let enqueued = 0;
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const page: SweepCandidate[] = await prisma.$queryRaw<SweepCandidate[]>`
      SELECT id, "workspaceId", "createdAt",
             GREATEST(0, (EXTRACT(EPOCH FROM ("nextAttemptAt" - ${SQL_NOW})) * 1000)::int) AS "dueInMs"
        FROM "Run"
       WHERE status IN ('QUEUED', 'RUNNING', 'WAITING')
         AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < ${SQL_NOW})
         AND (${redisWasReset} OR COALESCE("nextAttemptAt", "createdAt") < ${SQL_NOW} - ${graceMs}::int * interval '1 millisecond')
         ${after ? Prisma.sql`AND ("createdAt", id) > (${after.createdAt}, ${after.id})` : Prisma.empty}
       ORDER BY "createdAt", id
       LIMIT ${batch}`;
    // Job states are read a few dozen at a time: one Redis round trip each, without flooding it.
    for (let i = 0; i < page.length; i += 32) {
      const added = await Promise.all(
        page
          .slice(i, i + 32)
          .map((run) => ensureRunJob({ id: run.id, workspaceId: run.workspaceId }, run.dueInMs ?? 0)),
      );
      enqueued += added.filter(Boolean).length;
    }
    const last = page.at(-1);
    // Overdue runs are a backlog the next sweep continues; after a reset, every unfinished run is checked now.
    if (!redisWasReset || !last || page.length < batch) break;
    after = { createdAt: last.createdAt, id: last.id };
  }
  // Set only once every run has its job again: a sweep cut short by an error is repeated in full.
  if (redisWasReset) await sharedRedis().set(marker, new Date().toISOString());
  return { enqueued, redisWasReset };
}

export interface SweepResult {
  /** Runs that were given a new job. */
  enqueued: number;
  /** Redis had lost its data (or this deployment's workers started for the first time). */
  redisWasReset: boolean;
}

interface SweepCandidate {
  id: string;
  workspaceId: string;
  createdAt: Date;
  dueInMs: number | null;
}
