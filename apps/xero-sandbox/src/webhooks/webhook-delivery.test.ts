import { readFileSync } from "node:fs";
import OpenAPIResponseValidator from "openapi-response-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invoice } from "xero-node";
import { parse } from "yaml";
import { accountingApi, type TestClientSettings, testClientSettings } from "../testing/oauth-test-client";
import { startTestSandbox, type TestSandbox } from "../testing/start-test-sandbox";
import { startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver";
import type { WebhookPayload } from "./webhook-payload";

// Ledger changes made through the Accounting API reach a receiver as signed Xero event batches.

const WEBHOOK_KEY = "sandbox-test-webhook-key";

const webhooksSpec = parse(readFileSync(new URL("../../openapi/xero-webhooks.yaml", import.meta.url), "utf8")) as {
  components: { schemas: Record<string, object> };
};
const payloadValidator = new OpenAPIResponseValidator({
  responses: {
    200: {
      description: "body",
      content: { "application/json": { schema: { $ref: "#/components/schemas/WebhookEvent" } } },
    },
  },
  components: webhooksSpec.components,
} as unknown as ConstructorParameters<typeof OpenAPIResponseValidator>[0]);

let receiver: WebhookReceiver;
let sandbox: TestSandbox;
let settings: TestClientSettings;
let tenantId: string;
let accessToken: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver(WEBHOOK_KEY);
  sandbox = await startTestSandbox({ webhook: { url: receiver.url, key: WEBHOOK_KEY, batchDelayMs: 60_000 } });
  settings = testClientSettings(sandbox);
  tenantId = sandbox.ledger.organisations()[0]!.tenantId;
  ({ access_token: accessToken } = await sandbox.admin<{ access_token: string }>("POST", "/sandbox/admin/tokens", {
    tenantIds: [tenantId],
  }));
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

describe("webhook delivery", () => {
  it("posts contact and invoice changes as one signed batch in Xero's shape", async () => {
    const accounting = accountingApi(accessToken, settings);
    const { body: created } = await accounting.createContacts(tenantId, { contacts: [{ name: `Hook ${Date.now()}` }] });
    const contactId = created.contacts![0]!.contactID!;
    const { body: invoices } = await accounting.createInvoices(tenantId, {
      invoices: [
        {
          type: Invoice.TypeEnum.ACCREC,
          contact: { contactID: contactId },
          lineItems: [{ description: "Consulting", quantity: 1, unitAmount: 100, accountCode: "200" }],
        },
      ],
    });
    const invoiceId = invoices.invoices![0]!.invoiceID!;
    const before = receiver.received.length;

    await sandbox.webhooks.flush(); // the batch window is a minute: flushing sends it now

    const batches = receiver.received.slice(before);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.signatureValid).toBe(true);
    const payload = JSON.parse(batches[0]!.rawBody) as WebhookPayload;
    expect(payloadValidator.validateResponse(200, payload)?.errors ?? []).toEqual([]);
    expect(payload.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ eventCategory: "CONTACT", eventType: "CREATE", resourceId: contactId, tenantId }),
        expect.objectContaining({
          eventCategory: "INVOICE",
          eventType: "CREATE",
          resourceId: invoiceId,
          resourceUrl: `${sandbox.url}/api.xro/2.0/Invoices/${invoiceId}`,
        }),
      ]),
    );
    expect(payload.lastEventSequence - payload.firstEventSequence + 1).toBe(payload.events.length);
    expect(payload.entropy).toMatch(/^[A-Z]{20}$/);

    const { deliveries } = await sandbox.admin<{ deliveries: { status: number; eventCount: number }[] }>(
      "GET",
      "/sandbox/admin/webhooks",
    );
    expect(deliveries.at(-1)).toMatchObject({ status: 200, eventCount: payload.events.length });
  });

  it("numbers later batches after earlier ones", async () => {
    const accounting = accountingApi(accessToken, settings);
    const sequences: [number, number][] = [];
    for (const name of [`Seq A ${Date.now()}`, `Seq B ${Date.now()}`]) {
      await accounting.createContacts(tenantId, { contacts: [{ name }] });
      const before = receiver.received.length;
      await sandbox.webhooks.flush();
      const payload = JSON.parse(receiver.received[before]!.rawBody) as WebhookPayload;
      sequences.push([payload.firstEventSequence, payload.lastEventSequence]);
    }
    expect(sequences[1]![0]).toBe(sequences[0]![1] + 1);
  });
});

describe("intent to receive", () => {
  it("passes a receiver that answers 200 to a good signature and 401 to a bad one", async () => {
    const result = await sandbox.admin<{ ok: boolean; correctSignatureStatus: number; wrongSignatureStatus: number }>(
      "POST",
      "/sandbox/admin/webhooks/intent-to-receive",
    );
    expect(result).toEqual({ ok: true, correctSignatureStatus: 200, wrongSignatureStatus: 401 });
    const probe = JSON.parse(receiver.received.at(-1)!.rawBody) as WebhookPayload;
    expect(probe.events).toEqual([]);
  });

  it("fails a receiver that does not check the signature", async () => {
    const careless = await startWebhookReceiver(WEBHOOK_KEY, "always-200");
    try {
      const result = await sandbox.admin<{ ok: boolean; wrongSignatureStatus: number }>(
        "POST",
        "/sandbox/admin/webhooks/intent-to-receive",
        { url: careless.url },
      );
      expect(result).toMatchObject({ ok: false, wrongSignatureStatus: 200 });
    } finally {
      await careless.close();
    }
  });
});
