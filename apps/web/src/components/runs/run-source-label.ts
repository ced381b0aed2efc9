import type { RunSource } from "@ledgerflow/db";

/** How a run's source reads in the history. */
export const runSourceLabel: Record<RunSource, string> = {
  WEBHOOK: "Webhook",
  SCHEDULE: "Schedule",
  MANUAL: "Manual",
  REPLAY: "Replay",
  EVENT: "App event",
};
