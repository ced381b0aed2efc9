import { prisma } from "@ledgerflow/db";
import { createRun } from "../../runs/create-run";
import type { ScheduleTriggerEvent } from "../trigger-event";

/**
 * Turns one schedule firing into a Run. The run id is derived from the firing, so a firing retried
 * after a crash finds its run instead of creating a second one.
 */
export async function fireSchedule(firing: {
  flowId: string;
  workspaceId: string;
  scheduledAt: Date;
}): Promise<{ runId: string } | null> {
  const flow = await prisma.flow.findFirst({
    where: { id: firing.flowId, workspaceId: firing.workspaceId },
    select: { id: true, enabled: true, publishedVersionId: true },
  });
  // A schedule can outlive its flow by one firing (deleted or switched off in between): ignore it.
  if (!flow?.enabled || !flow.publishedVersionId) return null;

  const id = `sched_${flow.id}_${firing.scheduledAt.getTime()}`;
  const event: ScheduleTriggerEvent = { type: "schedule", scheduledAt: firing.scheduledAt.toISOString() };
  await createRun({
    id,
    workspaceId: firing.workspaceId,
    flowId: flow.id,
    flowVersionId: flow.publishedVersionId,
    event,
  });
  return { runId: id };
}
