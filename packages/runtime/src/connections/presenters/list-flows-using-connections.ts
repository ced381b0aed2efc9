import { prisma } from "@ledgerflow/db";
import { storedConnectionIds } from "../connections-of-flow";

/** A flow that acts with a connection, in the version runs use, in the draft being edited, or both. */
export interface FlowUsingConnection {
  id: string;
  name: string;
  enabled: boolean;
  /** Its published version uses the connection (what runs use once it is on). */
  published: boolean;
  /** Its draft uses the connection. */
  draft: boolean;
}

/**
 * For each connection of the workspace, the flows of the same workspace whose published version
 * or draft uses it (trigger or any step), by name: what Disconnect stops, and what to fix after.
 */
export async function listFlowsUsingConnections({
  workspaceId,
}: {
  workspaceId: string;
}): Promise<Map<string, FlowUsingConnection[]>> {
  const flows = await prisma.flow.findMany({
    where: { workspaceId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, enabled: true, draft: true, publishedVersion: { select: { definition: true } } },
  });
  const uses = new Map<string, FlowUsingConnection[]>();
  for (const flow of flows) {
    const inPublished = new Set(storedConnectionIds(flow.publishedVersion?.definition));
    const inDraft = new Set(storedConnectionIds(flow.draft));
    for (const connectionId of new Set([...inPublished, ...inDraft])) {
      const use = {
        id: flow.id,
        name: flow.name,
        enabled: flow.enabled,
        published: inPublished.has(connectionId),
        draft: inDraft.has(connectionId),
      };
      uses.set(connectionId, [...(uses.get(connectionId) ?? []), use]);
    }
  }
  return uses;
}
