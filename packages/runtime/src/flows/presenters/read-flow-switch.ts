import { prisma } from "@ledgerflow/db";
import { NotFoundError } from "../../errors/domain-errors";
import { readDraft } from "./get-flow-for-editor";

/**
 * Whether a flow is on, and the version its runs use: what the editor's switch shows. Read again
 * whenever the editor opens or comes back into view, since the flows list (or another tab) may have
 * switched the flow in the meantime.
 */
export async function readFlowSwitch({ workspaceId, flowId }: { workspaceId: string; flowId: string }) {
  const flow = await prisma.flow.findFirst({
    where: { id: flowId, workspaceId },
    select: { enabled: true, publishedVersion: { select: { number: true, definition: true } } },
  });
  if (!flow) throw new NotFoundError("Flow");
  const { enabled, publishedVersion } = flow;
  return {
    enabled,
    published: publishedVersion
      ? { number: publishedVersion.number, definition: readDraft(publishedVersion.definition) }
      : null,
  };
}
