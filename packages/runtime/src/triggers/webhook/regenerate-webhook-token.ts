import { prisma } from "@ledgerflow/db";
import { NotFoundError } from "../../errors/domain-errors";
import { generateWebhookToken } from "./generate-webhook-token";

export interface RegenerateWebhookTokenOptions {
  workspaceId: string;
  flowId: string;
}

/** Replaces the flow's webhook URL; the old URL answers 404 from now on. */
export async function regenerateWebhookToken({ workspaceId, flowId }: RegenerateWebhookTokenOptions) {
  const webhookToken = generateWebhookToken();
  const { count } = await prisma.flow.updateMany({ where: { id: flowId, workspaceId }, data: { webhookToken } });
  if (count === 0) throw new NotFoundError("Flow");
  return { webhookToken };
}
