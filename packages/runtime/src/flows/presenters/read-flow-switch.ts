import { prisma } from "@ledgerflow/db";
import { NotFoundError } from "../../errors/domain-errors";
import { readDraft } from "./get-flow-for-editor";

/**
 * Whether a flow is on, the version its runs use and when anything of it last changed: what the
 * editor checks its own render against whenever it opens or comes back into view, since the flows
 * list (or another tab) may have switched or edited the flow in the meantime.
 */
export async function readFlowSwitch({ workspaceId, flowId }: { workspaceId: string; flowId: string }) {
  const flow = await prisma.flow.findFirst({
    where: { id: flowId, workspaceId },
    select: { enabled: true, updatedAt: true, publishedVersion: { select: { number: true, definition: true } } },
  });
  if (!flow) throw new NotFoundError("Flow");
  const { enabled, updatedAt, publishedVersion } = flow;
  return {
    enabled,
    updatedAt,
    published: publishedVersion
      ? { number: publishedVersion.number, definition: readDraft(publishedVersion.definition) }
      : null,
  };
}
