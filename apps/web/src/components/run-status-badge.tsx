import type { RunStatus } from "@ledgerflow/db";
import { runStatusLabel, runStatusTone } from "./runs/run-status-label";
import { Badge } from "./ui/badge";

/** A run's status in the same words and colours on every screen. */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <Badge tone={runStatusTone[status]}>
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {runStatusLabel[status]}
    </Badge>
  );
}
