import { type Prisma, prisma } from "@ledgerflow/db";
import { createEmptyFlowDefinition } from "@ledgerflow/engine";
import { generateWebhookToken } from "../triggers/webhook/generate-webhook-token";

export interface CreateFlowOptions {
  workspaceId: string;
  userId: string;
  name?: string;
  description?: string;
  /** The creator's time zone (the browser's), for the flow's dates and "today". */
  timeZone?: string;
}

/** A new, switched-off flow with an empty draft (a webhook trigger and no steps). */
export async function createFlow({ workspaceId, userId, name, description, timeZone }: CreateFlowOptions) {
  return prisma.flow.create({
    data: {
      workspaceId,
      createdById: userId,
      name: name?.trim() || "Untitled flow",
      description: description?.trim() ?? "",
      draft: createEmptyFlowDefinition({ timeZone }) as Prisma.InputJsonObject,
      webhookToken: generateWebhookToken(),
    },
    select: { id: true, name: true },
  });
}
