import type { ScheduleConfig } from "@ledgerflow/engine";
import { sharedSchedulesQueue } from "@ledgerflow/queue";

// One BullMQ job scheduler per flow, keyed by flow id: upserting replaces the previous timing, so
// publishing a changed schedule never leaves the old one firing.
const schedulerId = (flowId: string) => `flow:${flowId}`;

/** Starts (or re-times) a flow's schedule. Intervals are anchored to when the flow was switched on. */
export async function armSchedule(flow: { id: string; workspaceId: string }, config: ScheduleConfig): Promise<void> {
  const repeat =
    config.mode === "cron" ? { pattern: config.cron, tz: config.timezone } : { every: config.everySeconds * 1_000 };
  await sharedSchedulesQueue().upsertJobScheduler(schedulerId(flow.id), repeat, {
    name: "fire",
    data: { flowId: flow.id, workspaceId: flow.workspaceId },
    opts: { removeOnComplete: true, removeOnFail: 100, attempts: 5, backoff: { type: "exponential", delay: 1_000 } },
  });
}

export async function disarmSchedule(flowId: string): Promise<void> {
  await sharedSchedulesQueue().removeJobScheduler(schedulerId(flowId));
}
