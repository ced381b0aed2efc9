import type { RunStatus } from "@ledgerflow/db";
import { Badge, type BadgeProps } from "./ui/badge";

const presentation: Record<RunStatus, { label: string; tone: BadgeProps["tone"] }> = {
  QUEUED: { label: "Queued", tone: "neutral" },
  RUNNING: { label: "Running", tone: "info" },
  WAITING: { label: "Waiting", tone: "info" },
  SUCCEEDED: { label: "Succeeded", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
  FILTERED: { label: "Stopped by filter", tone: "neutral" },
  SKIPPED: { label: "Skipped", tone: "warning" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
  DUPLICATE: { label: "Duplicate", tone: "neutral" },
};

/** A run's status in the same words and colours on every screen. */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  const { label, tone } = presentation[status];
  return (
    <Badge tone={tone}>
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {label}
    </Badge>
  );
}
