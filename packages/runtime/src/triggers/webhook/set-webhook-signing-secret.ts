import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { refineStorable } from "@ledgerflow/engine";
import { z } from "zod";
import { NotFoundError } from "../../errors/domain-errors";

/** A secret the sender made (Shopify's app secret, Stripe's whsec_…), pasted into the trigger panel. */
export const webhookSigningSecretSchema = z
  .string()
  .trim()
  .min(8, "Paste the whole secret: it is at least 8 characters")
  .max(200, "A signing secret is at most 200 characters")
  .superRefine(refineStorable());

export interface SetWebhookSigningSecretOptions {
  workspaceId: string;
  flowId: string;
  /** true: require signatures, with `secret` or else a fresh one (replacing any old one); false: stop requiring them. */
  enabled: boolean;
  /** Parsed with `webhookSigningSecretSchema` by the caller. */
  secret?: string;
}

/** Turns webhook signature checking on (with the sender's secret or a fresh one) or off for a flow. */
export async function setWebhookSigningSecret({
  workspaceId,
  flowId,
  enabled,
  secret,
}: SetWebhookSigningSecretOptions) {
  const webhookSigningSecret = enabled ? (secret ?? `whsec_${randomBytes(24).toString("base64url")}`) : null;
  const { count } = await prisma.flow.updateMany({
    where: { id: flowId, workspaceId },
    data: { webhookSigningSecret },
  });
  if (count === 0) throw new NotFoundError("Flow");
  return { webhookSigningSecret };
}
