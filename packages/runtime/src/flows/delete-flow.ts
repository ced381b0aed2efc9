import { prisma } from "@ledgerflow/db";
import { ConflictError, NotFoundError } from "../errors/domain-errors";

export interface DeleteFlowOptions {
  workspaceId: string;
  flowId: string;
}

/**
 * Deletes a flow with its versions, samples and run history (cascade). An enabled flow must be
 * switched off first, so that its schedule is disarmed by the trigger service.
 */
export async function deleteFlow({ workspaceId, flowId }: DeleteFlowOptions) {
  const flow = await prisma.flow.findFirst({ where: { id: flowId, workspaceId }, select: { enabled: true } });
  if (!flow) throw new NotFoundError("Flow");
  if (flow.enabled) throw new ConflictError("Switch this flow off before deleting it.");
  await prisma.flow.deleteMany({ where: { id: flowId, workspaceId } });
}
