import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { requireAdmin, type SandboxConfig } from "../config";
import { parseInput } from "../http/parse-input";
import { postSignedWebhook, type WebhookDelivery } from "./webhook-delivery";
import { signWebhookBody, webhookPayload } from "./webhook-payload";

// Admin side of webhooks: change the subscription at run time (a test's own receiver), list recent
// deliveries, and run Xero's "intent to receive" check against the receiver.

const subscriptionSchema = z.object({ url: z.string().url().nullable(), key: z.string().min(1).nullable() });

const intentToReceiveSchema = z.object({ url: z.string().url().optional(), key: z.string().min(1).optional() });

export function registerWebhookAdminRoutes(
  app: FastifyInstance,
  deps: { config: SandboxConfig; delivery: WebhookDelivery },
): void {
  const { delivery } = deps;
  const preHandler = requireAdmin(deps.config);

  app.get("/sandbox/admin/webhooks", { preHandler }, async () => ({
    url: delivery.subscription.url,
    keyConfigured: delivery.subscription.key !== null,
    deliveries: delivery.deliveries(),
  }));

  app.put("/sandbox/admin/webhooks", { preHandler }, async (request, reply) => {
    const body = parseInput(subscriptionSchema, request.body, reply);
    if (!body) return;
    Object.assign(delivery.subscription, body);
    return { url: body.url, keyConfigured: body.key !== null };
  });

  // Xero's check before it turns a webhook on: an empty batch correctly signed must get 200, the
  // same batch wrongly signed must get 401. Both must hold for the receiver to pass.
  app.post("/sandbox/admin/webhooks/intent-to-receive", { preHandler }, async (request, reply) => {
    const body = parseInput(intentToReceiveSchema, request.body, reply);
    if (!body) return;
    const url = body.url ?? delivery.subscription.url;
    const key = body.key ?? delivery.subscription.key;
    if (!url || !key) {
      return reply.code(400).send({ error: "invalid_request", message: "url and key: no webhook is configured" });
    }
    const payload = JSON.stringify(webhookPayload([], 0));
    const correctSignatureStatus = await postSignedWebhook(url, payload, signWebhookBody(payload, key));
    const wrongSignatureStatus = await postSignedWebhook(url, payload, signWebhookBody(payload, `${key}-wrong`));
    return {
      ok: correctSignatureStatus === 200 && wrongSignatureStatus === 401,
      correctSignatureStatus,
      wrongSignatureStatus,
    };
  });
}
