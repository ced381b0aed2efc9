import { prisma } from "@ledgerflow/db";
import { NotFoundError } from "../errors/domain-errors";
import { disarmSchedule } from "../triggers/schedule/arm-schedule";

/** Switch off: stops accepting the trigger (webhooks then record SKIPPED runs) and disarms schedules. */
export async function disableFlow(input: { workspaceId: string; flowId: string }): Promise<void> {
  const { count } = await prisma.flow.updateMany({
    where: { id: input.flowId, workspaceId: input.workspaceId },
    data: { enabled: false },
  });
  if (count === 0) throw new NotFoundError("Integration");
  await disarmSchedule(input.flowId);
}
