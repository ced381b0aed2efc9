import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { NotFoundError } from "../errors/domain-errors";

export interface SetWebhookSigningSecretOptions {
  workspaceId: string;
  flowId: string;
  /** true: generate a new secret (replacing any old one); false: stop requiring signatures. */
  enabled: boolean;
}

/** Turns webhook signature checking on (with a fresh secret) or off for a flow. */
export async function setWebhookSigningSecret({ workspaceId, flowId, enabled }: SetWebhookSigningSecretOptions) {
  const webhookSigningSecret = enabled ? `whsec_${randomBytes(24).toString("base64url")}` : null;
  const { count } = await prisma.flow.updateMany({
    where: { id: flowId, workspaceId },
    data: { webhookSigningSecret },
  });
  if (count === 0) throw new NotFoundError("Integration");
  return { webhookSigningSecret };
}
