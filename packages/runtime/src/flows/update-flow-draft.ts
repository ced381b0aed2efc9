import { type Prisma, prisma } from "@ledgerflow/db";
import { NotFoundError } from "../errors/domain-errors";
import type { FlowDraft } from "./flow-draft";

export interface UpdateFlowDraftOptions {
  workspaceId: string;
  flowId: string;
  draft: FlowDraft;
}

/**
 * Saves the editor's draft (autosave). The published version — what runs — is untouched until the
 * flow is switched on again.
 */
export async function updateFlowDraft({ workspaceId, flowId, draft }: UpdateFlowDraftOptions) {
  const { count } = await prisma.flow.updateMany({
    where: { id: flowId, workspaceId },
    data: { draft: draft as Prisma.InputJsonObject },
  });
  if (count === 0) throw new NotFoundError("Integration");
  return { savedAt: new Date() };
}
