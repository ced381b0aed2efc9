import { prisma } from "@ledgerflow/db";
import { NotFoundError } from "../errors/domain-errors";

export interface RenameFlowOptions {
  workspaceId: string;
  flowId: string;
  name: string;
  description: string;
}

export async function renameFlow({ workspaceId, flowId, name, description }: RenameFlowOptions) {
  const { count } = await prisma.flow.updateMany({
    where: { id: flowId, workspaceId },
    data: { name: name.trim(), description: description.trim() },
  });
  if (count === 0) throw new NotFoundError("Flow");
}
