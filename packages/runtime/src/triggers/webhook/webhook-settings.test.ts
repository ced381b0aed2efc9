import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { webhookSettingsSchema } from "@ledgerflow/engine";
import { afterAll, describe, expect, it } from "vitest";
import { createFlow } from "../../flows/create-flow";
import { getFlowForEditor } from "../../flows/presenters/get-flow-for-editor";
import { regenerateWebhookToken } from "./regenerate-webhook-token";
import { setWebhookSigningSecret, webhookSigningSecretSchema } from "./set-webhook-signing-secret";
import { updateWebhookSettings } from "./update-webhook-settings";

// The webhook trigger's own settings on its flow: URL token, signing secret, event ids and signature
// format. This file owns its rows: a user with a workspace of its own.
const suffix = randomUUID().slice(0, 8);
const user = await prisma.user.create({ data: { email: `webhook-${suffix}@example.test`, name: "Webhook tester" } });
const workspace = await prisma.workspace.create({
  data: { name: `Webhooks ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
});
const workspaceId = workspace.id;

afterAll(async () => {
  await prisma.workspace.delete({ where: { id: workspaceId } });
  await prisma.user.delete({ where: { id: user.id } });
});

describe("webhook settings", () => {
  it("regenerates the webhook token so the old URL stops matching", async () => {
    const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
    const before = await getFlowForEditor({ workspaceId, flowId, role: "OWNER" });
    const { webhookToken } = await regenerateWebhookToken({ workspaceId, flowId });
    expect(webhookToken).not.toBe(before.webhook.credentials?.token);
    expect(await prisma.flow.count({ where: { webhookToken: before.webhook.credentials?.token } })).toBe(0);
    expect((await getFlowForEditor({ workspaceId, flowId, role: "OWNER" })).webhook.credentials?.token).toBe(
      webhookToken,
    );
  });

  it("turns the signing secret on with a fresh secret and off again", async () => {
    const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
    const first = await setWebhookSigningSecret({ workspaceId, flowId, enabled: true });
    const second = await setWebhookSigningSecret({ workspaceId, flowId, enabled: true });
    expect(first.webhookSigningSecret).toMatch(/^whsec_/);
    expect(second.webhookSigningSecret).not.toBe(first.webhookSigningSecret);
    await setWebhookSigningSecret({ workspaceId, flowId, enabled: false });
    expect((await getFlowForEditor({ workspaceId, flowId, role: "OWNER" })).webhook).toEqual({
      requiresSignature: false,
      credentials: { token: expect.any(String), signingSecret: null },
    });
  });

  it("takes the sender's own secret, checked for what cannot be stored", async () => {
    const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
    const secret = webhookSigningSecretSchema.parse("  whsec_made_by_stripe_123  ");
    await setWebhookSigningSecret({ workspaceId, flowId, enabled: true, secret });
    expect((await getFlowForEditor({ workspaceId, flowId, role: "EDITOR" })).webhook.credentials?.signingSecret).toBe(
      "whsec_made_by_stripe_123",
    );
    expect(webhookSigningSecretSchema.safeParse("short").error?.issues[0]?.message).toMatch(/at least 8/);
    expect(webhookSigningSecretSchema.safeParse("whsec_nul_\u0000").success).toBe(false);
  });

  it("starts with the default webhook settings and saves others", async () => {
    const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
    expect((await getFlowForEditor({ workspaceId, flowId, role: "EDITOR" })).webhookSettings).toEqual({
      eventId: { from: "header", header: "idempotency-key" },
      dedupWindowDays: 7,
      signature: { scheme: "ledgerflow" },
    });
    const settings = webhookSettingsSchema.parse({
      eventId: { from: "header", header: " X-Shopify-Webhook-Id " },
      dedupWindowDays: 14,
      signature: { scheme: "shopify" },
    });
    await updateWebhookSettings({ workspaceId, flowId, settings });
    expect((await getFlowForEditor({ workspaceId, flowId, role: "EDITOR" })).webhookSettings).toEqual({
      eventId: { from: "header", header: "x-shopify-webhook-id" },
      dedupWindowDays: 14,
      signature: { scheme: "shopify" },
    });
    const refused = webhookSettingsSchema.safeParse({ ...settings, dedupWindowDays: 90 });
    expect(refused.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["dedupWindowDays", "Keep event ids for at most 30 days"],
    ]);
  });
});
