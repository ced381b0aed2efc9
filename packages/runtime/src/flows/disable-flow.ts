import { prisma } from "@ledgerflow/db";
import { NotFoundError } from "../errors/domain-errors";
import { disarmFlowTriggers } from "../triggers/arm-flow-trigger";

/** Switch off: stops accepting the trigger (webhooks then record SKIPPED runs) and disarms what starts it (a schedule). */
export async function disableFlow(input: { workspaceId: string; flowId: string }): Promise<void> {
  const { count } = await prisma.flow.updateMany({
    where: { id: input.flowId, workspaceId: input.workspaceId },
    data: { enabled: false },
  });
  if (count === 0) throw new NotFoundError("Flow");
  await disarmFlowTriggers(input.flowId);
}
