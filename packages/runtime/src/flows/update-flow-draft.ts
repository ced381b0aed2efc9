import { type Prisma, prisma } from "@ledgerflow/db";
import type { FlowDefinition } from "@ledgerflow/engine";
import { NotFoundError } from "../errors/domain-errors";

export interface UpdateFlowDraftOptions {
  workspaceId: string;
  flowId: string;
  /** Parsed with the engine's `flowDefinitionSchema` by the caller. */
  draft: FlowDefinition;
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
  if (count === 0) throw new NotFoundError("Flow");
  return { savedAt: new Date() };
}
