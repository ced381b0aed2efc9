-- Execution leases (docs/ARCHITECTURE.md section 6, "Leases"): at most one worker executes a run at a
-- time, whatever Redis forgets. A worker takes the lease by bumping "leaseToken" (the fencing token
-- that every bookkeeping write of that execution carries) and setting "leaseExpiresAt", renews the
-- lease while it works and clears it when the execution ends.
-- (No semicolons in these comments: the migration runner splits statements on them.)
ALTER TABLE "Run" ADD COLUMN "leaseToken" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Run" ADD COLUMN "leaseExpiresAt" TIMESTAMP(3);
-- When a run waiting for its next attempt (rate limits, backoff) is due, the clock of the sweeper.
ALTER TABLE "Run" ADD COLUMN "nextAttemptAt" TIMESTAMP(3);
-- Executions that ended in a retryable step error: bounded by RUN_MAX_ATTEMPTS.
ALTER TABLE "Run" ADD COLUMN "failedAttempts" INTEGER NOT NULL DEFAULT 0;
-- Executions whose worker vanished without releasing the lease (killed, or cut off from PostgreSQL).
ALTER TABLE "Run" ADD COLUMN "interruptions" INTEGER NOT NULL DEFAULT 0;

-- Errors of the earlier attempts of a step, while "error" holds only the current one and is cleared on success.
ALTER TABLE "StepRun" ADD COLUMN "attemptErrors" JSONB;
