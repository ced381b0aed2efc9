import type { RunStatus } from "@ledgerflow/db";
import type { BadgeProps } from "../ui/badge";

// A run status's one word and one colour, the same in the history's rows and filters, the run's
// badge and its banner (run-status-banner.tsx).

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

/** Red only for a failure; a skipped run is amber (it can still be run), a stop on purpose is grey. */
export const runStatusTone: Record<RunStatus, NonNullable<BadgeProps["tone"]>> = {
  QUEUED: "neutral",
  RUNNING: "info",
  WAITING: "info",
  SUCCEEDED: "success",
  FAILED: "danger",
  FILTERED: "neutral",
  SKIPPED: "warning",
  CANCELLED: "neutral",
  DUPLICATE: "neutral",
};
