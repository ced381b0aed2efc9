import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { requireAdmin, type SandboxConfig } from "../config";
import { parseInput } from "../http/parse-input";
import { checkIntentToReceive } from "./intent-to-receive";
import type { WebhookDelivery } from "./webhook-delivery";
import { webhookFaultsSchema } from "./webhook-faults";

// Admin side of webhooks: subscribe a receiver at run time (after Xero's intent-to-receive check),
// list recent deliveries, run the check alone, inject delivery faults, and flush what is queued.

const subscriptionSchema = z.object({
  url: z.string().url().nullable(),
  key: z.string().min(1).nullable(),
  /** For a test's receiver that does not check signatures: subscribe without the check. */
  skipIntentToReceive: z.boolean().optional(),
});

const intentToReceiveSchema = z.object({ url: z.string().url().optional(), key: z.string().min(1).optional() });

export function registerWebhookAdminRoutes(
  app: FastifyInstance,
  deps: { config: SandboxConfig; delivery: WebhookDelivery },
): void {
  const { delivery } = deps;
  const { timeoutMs } = deps.config.webhook;
  const preHandler = requireAdmin(deps.config);

  app.get("/sandbox/admin/webhooks", { preHandler }, async () => ({
    url: delivery.subscription.url,
    keyConfigured: delivery.subscription.key !== null,
    faults: delivery.faults.current(),
    heldBatches: delivery.heldBatches(),
    deliveries: delivery.deliveries(),
  }));

  // As in Xero, a receiver is only subscribed once it passes intent to receive.
  app.put("/sandbox/admin/webhooks", { preHandler }, async (request, reply) => {
    const body = parseInput(subscriptionSchema, request.body, reply);
    if (!body) return;
    const { skipIntentToReceive, ...subscription } = body;
    if (subscription.url && subscription.key && !skipIntentToReceive) {
      const check = await checkIntentToReceive(subscription.url, subscription.key, timeoutMs);
      if (!check.ok) {
        return reply.code(400).send({
          error: "intent_to_receive_failed",
          message:
            `intentToReceive: ${subscription.url} must answer 200 to a correctly signed probe and 401 to a wrongly ` +
            `signed one; it answered ${check.correctSignatureStatus ?? "nothing"} and ${check.wrongSignatureStatus ?? "nothing"}`,
          ...check,
        });
      }
    }
    Object.assign(delivery.subscription, subscription);
    return { url: subscription.url, keyConfigured: subscription.key !== null };
  });

  app.post("/sandbox/admin/webhooks/intent-to-receive", { preHandler }, async (request, reply) => {
    const body = parseInput(intentToReceiveSchema, request.body, reply);
    if (!body) return;
    const url = body.url ?? delivery.subscription.url;
    const key = body.key ?? delivery.subscription.key;
    if (!url || !key) {
      return reply.code(400).send({ error: "invalid_request", message: "url and key: no webhook is configured" });
    }
    return checkIntentToReceive(url, key, timeoutMs);
  });

  app.post("/sandbox/admin/webhooks/faults", { preHandler }, async (request, reply) => {
    const body = parseInput(webhookFaultsSchema, request.body, reply);
    if (!body) return;
    delivery.faults.set(body);
    return { faults: delivery.faults.current() };
  });

  app.delete("/sandbox/admin/webhooks/faults", { preHandler }, async () => {
    delivery.faults.clear();
    return { faults: delivery.faults.current() };
  });

  // Sends the queued batch now and answers once it (and any in flight) is delivered or given up.
  app.post("/sandbox/admin/webhooks/flush", { preHandler }, async () => ({
    deliveries: await delivery.flush(),
    heldBatches: delivery.heldBatches(),
  }));
}
