import type { RunStatus } from "@ledgerflow/db";

/** A run status in words, in the order the history lists them. */
export const runStatusLabel: Record<RunStatus, string> = {
  QUEUED: "Queued",
  RUNNING: "Running",
  WAITING: "Waiting",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  FILTERED: "Stopped by filter",
  SKIPPED: "Skipped",
  CANCELLED: "Cancelled",
  DUPLICATE: "Duplicate",
};
