import type { RunSource, RunStatus } from "@ledgerflow/db";

// The run statuses and sources as runtime values, in the order the history shows them. `satisfies`
// keeps them in step with the Prisma enums (a renamed or removed value fails to typecheck).

export const runStatuses = [
  "QUEUED",
  "RUNNING",
  "WAITING",
  "SUCCEEDED",
  "FAILED",
  "FILTERED",
  "SKIPPED",
  "CANCELLED",
  "DUPLICATE",
] as const satisfies readonly RunStatus[];

export const runSources = ["WEBHOOK", "SCHEDULE", "MANUAL", "EVENT", "REPLAY"] as const satisfies readonly RunSource[];

/** Statuses that can still change: the history keeps refreshing while one of them is on screen. */
export const inProgressRunStatuses = ["QUEUED", "RUNNING", "WAITING"] as const satisfies readonly RunStatus[];
