import { randomBytes, randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { disableFlow, replayRun, signWebhookBody } from "@ledgerflow/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedRun } from "./testing/finished-run";
import { orderPayload, orderToInvoiceFlow, readOnlyWebhookFlow } from "./testing/flows";
import { seedConnection, seedEnabledFlow, seedWorkspace } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { contactsNamed, invoicesWithReference } from "./testing/xero-reads";

// Webhook trigger → worker → Xero sandbox, through the built web app and a real worker process.
let system: System;
let seed: Awaited<ReturnType<typeof seedWorkspace>>;
let connection: Awaited<ReturnType<typeof seedConnection>>;

beforeAll(async () => {
  system = await startSystem({ web: true, workers: 1 });
  seed = await seedWorkspace();
  connection = await seedConnection(system, { workspaceId: seed.workspace.id, userId: seed.user.id });
}, 120_000);
afterAll(() => system?.stop());

const post = (token: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${system.webUrl}/api/hooks/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

const finished = (runId: string) => finishedRun(runId, seed.workspace.id);

describe("webhook trigger", () => {
  it("runs the flow once and creates the invoice with the mapped values", async () => {
    const flow = await seedEnabledFlow({
      workspaceId: seed.workspace.id,
      userId: seed.user.id,
      definition: orderToInvoiceFlow(connection.id),
    });
    const orderId = `A${randomUUID().slice(0, 6)}`;
    const response = await post(flow.webhookToken, JSON.stringify(orderPayload(orderId)));
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };

    const run = await finished(runId);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.source).toBe("WEBHOOK");
    expect(run.steps.map((step) => [step.stepKey, step.status, step.idempotencyKey])).toEqual([
      ["customer", "SUCCEEDED", `${runId}:customer`],
      ["invoice", "SUCCEEDED", `${runId}:invoice`],
    ]);

    const [invoice, ...others] = await invoicesWithReference(system, connection.externalId, `Order ${orderId}`);
    expect(others).toHaveLength(0);
    expect(invoice).toMatchObject({
      Type: "ACCREC",
      Status: "AUTHORISED",
      SubTotal: 33,
      Contact: { Name: `Customer ${orderId}` },
    });
    expect(invoice?.LineItems.map((line) => [line.Description, line.Quantity, line.UnitAmount])).toEqual([
      ["Blue mug", 2, 12.5],
      ["Tea towel", 1, 8],
    ]);
    expect((run.steps[1]?.output as { InvoiceID?: string } | undefined)?.InvoiceID).toBe(invoice?.InvoiceID);
  });

  it("accepts form bodies and verifies the HMAC signature when the flow has a secret", async () => {
    const secret = randomBytes(16).toString("hex");
    const flow = await seedEnabledFlow({
      workspaceId: seed.workspace.id,
      userId: seed.user.id,
      definition: readOnlyWebhookFlow(connection.id),
      signingSecret: secret,
    });
    const body = "orderId=F1&note=hello";
    const form = { "content-type": "application/x-www-form-urlencoded" };

    const unsigned = await post(flow.webhookToken, body, form);
    expect(unsigned.status).toBe(401);
    const wrong = await post(flow.webhookToken, body, {
      ...form,
      "x-ledgerflow-signature": signWebhookBody("nope", body),
    });
    expect(wrong.status).toBe(401);
    const signed = await post(flow.webhookToken, body, {
      ...form,
      "x-ledgerflow-signature": signWebhookBody(secret, body),
    });
    expect(signed.status).toBe(202);

    const { runId } = (await signed.json()) as { runId: string };
    const runs = await prisma.run.findMany({ where: { flowId: flow.id, workspaceId: seed.workspace.id } });
    expect(runs.map((run) => run.id)).toEqual([runId]);
    expect((runs[0]?.trigger as { body?: unknown } | undefined)?.body).toEqual({ orderId: "F1", note: "hello" });
  });

  it("refuses bad JSON (400), oversize bodies (413) and unknown tokens (404) and stores nothing", async () => {
    const flow = await seedEnabledFlow({
      workspaceId: seed.workspace.id,
      userId: seed.user.id,
      definition: readOnlyWebhookFlow(connection.id),
    });
    const bad = await post(flow.webhookToken, '{"orderId": ');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/not valid JSON/);

    const big = await post(flow.webhookToken, JSON.stringify({ blob: "x".repeat(1_100_000) }));
    expect(big.status).toBe(413);

    const unknown = await post(randomBytes(32).toString("base64url"), "{}");
    expect(unknown.status).toBe(404);

    expect(await prisma.run.count({ where: { flowId: flow.id, workspaceId: seed.workspace.id } })).toBe(0);
  });

  it("records a SKIPPED run with its payload while switched off, and a replay runs it", async () => {
    const flow = await seedEnabledFlow({
      workspaceId: seed.workspace.id,
      userId: seed.user.id,
      definition: orderToInvoiceFlow(connection.id),
    });
    await disableFlow({ workspaceId: seed.workspace.id, flowId: flow.id });
    const orderId = `S${randomUUID().slice(0, 6)}`;
    const response = await post(flow.webhookToken, JSON.stringify(orderPayload(orderId)));
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };

    const skipped = await prisma.run.findFirstOrThrow({ where: { id: runId, workspaceId: seed.workspace.id } });
    expect(skipped.status).toBe("SKIPPED");
    expect((skipped.trigger as { body: { orderId: string } }).body.orderId).toBe(orderId);
    expect(await contactsNamed(system, connection.externalId, `Customer ${orderId}`)).toHaveLength(0);

    const replay = await replayRun({ workspaceId: seed.workspace.id, userId: seed.user.id, runId, mode: "restart" });
    const replayed = await finished(replay.runId);
    expect(replayed).toMatchObject({ status: "SUCCEEDED", source: "REPLAY", replayOfId: runId });
    expect(await invoicesWithReference(system, connection.externalId, `Order ${orderId}`)).toHaveLength(1);
  });
});
