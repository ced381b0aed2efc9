import { type Prisma, prisma } from "@ledgerflow/db";
import type { WebhookSettings } from "@ledgerflow/engine";
import { NotFoundError } from "../../errors/domain-errors";

export interface UpdateWebhookSettingsOptions {
  workspaceId: string;
  flowId: string;
  /** Parsed with the engine's `webhookSettingsSchema` by the caller. */
  settings: WebhookSettings;
}

/**
 * Saves where the flow's webhook reads each event's id and which signature format it checks. They
 * apply to the next request at once (no publish): ingress reads them in its flow lookup. A new
 * deduplication window applies to event ids received from now on.
 */
export async function updateWebhookSettings({ workspaceId, flowId, settings }: UpdateWebhookSettingsOptions) {
  const { count } = await prisma.flow.updateMany({
    where: { id: flowId, workspaceId },
    data: { webhookSettings: settings as Prisma.InputJsonObject },
  });
  if (count === 0) throw new NotFoundError("Flow");
  return { webhookSettings: settings };
}
