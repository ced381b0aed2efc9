-- Runs a step ended on purpose (a Filter whose conditions did not hold) and runs waiting for a Delay
-- (docs/ARCHITECTURE.md §6): two statuses, and the stop's reason in the bookkeeper's words.
ALTER TYPE "RunStatus" ADD VALUE 'FILTERED';
ALTER TYPE "RunStatus" ADD VALUE 'WAITING';
ALTER TABLE "Run" ADD COLUMN "stopReason" TEXT;
