import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountingApi, CreditNote, Invoice } from "xero-node";
import { accountingApi, testClientSettings } from "../testing/oauth-test-client";
import { startTestSandbox, type TestSandbox } from "../testing/start-test-sandbox";
import { startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver";
import { expectValidWebhookPayload } from "../testing/webhook-spec";
import type { WebhookDeliveryRecord } from "./webhook-delivery";
import type { WebhookPayload } from "./webhook-payload";

// Ledger changes made through the Accounting API reach a receiver as signed Xero event batches,
// retried with backoff when the receiver fails or stalls. The batch window is a minute, so
// nothing is sent until a test flushes (POST /sandbox/admin/webhooks/flush): no test sleeps.

const WEBHOOK_KEY = "sandbox-test-webhook-key";
const TIMEOUT_MS = 300;
const RETRY_DELAY_MS = 20;

let receiver: WebhookReceiver;
let sandbox: TestSandbox;
let accounting: AccountingApi;
let tenantId: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver(WEBHOOK_KEY);
  sandbox = await startTestSandbox({
    webhook: {
      url: receiver.url,
      key: WEBHOOK_KEY,
      batchDelayMs: 60_000,
      retries: 2,
      retryDelayMs: RETRY_DELAY_MS,
      timeoutMs: TIMEOUT_MS,
    },
  });
  tenantId = sandbox.ledger.organisations()[0]!.tenantId;
  const { access_token } = await sandbox.admin<{ access_token: string }>("POST", "/sandbox/admin/tokens", {
    tenantIds: [tenantId],
  });
  accounting = accountingApi(access_token, testClientSettings(sandbox));
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

const flush = () =>
  sandbox.admin<{ deliveries: WebhookDeliveryRecord[]; heldBatches: number }>("POST", "/sandbox/admin/webhooks/flush");

/** The bodies the receiver got from index `from` on, each checked against Xero's webhooks spec. */
function payloadsFrom(from: number): WebhookPayload[] {
  return receiver.received.slice(from).map(({ rawBody, signatureValid }) => {
    expect(signatureValid).toBe(true);
    const payload = JSON.parse(rawBody) as WebhookPayload;
    expectValidWebhookPayload(payload);
    return payload;
  });
}

async function createContact(): Promise<string> {
  const { body } = await accounting.createContacts(tenantId, { contacts: [{ name: `Hook ${randomUUID()}` }] });
  return body.contacts![0]!.contactID!;
}

describe("webhook events", () => {
  it("posts contact and invoice changes as one signed batch in Xero's shape", async () => {
    const contactId = await createContact();
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

    const { deliveries } = await flush();

    const [payload, ...others] = payloadsFrom(before);
    expect(others).toEqual([]);
    expect(payload!.events).toEqual([
      expect.objectContaining({ eventCategory: "CONTACT", eventType: "CREATE", resourceId: contactId, tenantId }),
      expect.objectContaining({
        eventCategory: "INVOICE",
        eventType: "CREATE",
        resourceId: invoiceId,
        resourceUrl: `${sandbox.url}/api.xro/2.0/Invoices/${invoiceId}`,
        tenantType: "ORGANISATION",
      }),
    ]);
    expect(payload!.lastEventSequence - payload!.firstEventSequence + 1).toBe(payload!.events.length);
    expect(payload!.entropy).toMatch(/^[A-Z]{20}$/);
    expect(deliveries).toEqual([
      expect.objectContaining({
        status: 200,
        eventCount: 2,
        firstEventSequence: payload!.firstEventSequence,
        attempts: [{ at: expect.any(String), status: 200 }],
      }),
    ]);
  });

  it("sends updates too: a contact edited, an invoice a payment changed", async () => {
    const contactId = await createContact();
    const { body } = await accounting.createInvoices(tenantId, {
      invoices: [
        {
          type: Invoice.TypeEnum.ACCREC,
          contact: { contactID: contactId },
          status: Invoice.StatusEnum.AUTHORISED,
          lineItems: [{ description: "Paid", quantity: 1, unitAmount: 10, accountCode: "200" }],
        },
      ],
    });
    const invoiceId = body.invoices![0]!.invoiceID!;
    await flush();
    const before = receiver.received.length;
    await accounting.updateContact(tenantId, contactId, { contacts: [{ emailAddress: "edited@hook.example" }] });
    await accounting.createPayment(tenantId, {
      invoice: { invoiceID: invoiceId },
      account: { code: "090" },
      amount: 5,
    });
    await flush();
    const events = payloadsFrom(before).flatMap((payload) => payload.events);
    expect(events.map((event) => [event.eventCategory, event.eventType, event.resourceId])).toEqual([
      ["CONTACT", "UPDATE", contactId],
      ["INVOICE", "UPDATE", invoiceId],
    ]);
  });

  it("sends credit-note changes with the credit note's Type and Status", async () => {
    const { body } = await accounting.createCreditNotes(tenantId, {
      creditNotes: [{ type: CreditNote.TypeEnum.ACCRECCREDIT, contact: { name: `Credited ${randomUUID()}` } }],
    });
    const creditNoteId = body.creditNotes![0]!.creditNoteID!;
    await accounting.updateCreditNote(tenantId, creditNoteId, {
      creditNotes: [{ status: CreditNote.StatusEnum.AUTHORISED }],
    });
    const before = receiver.received.length;
    await flush();
    const creditNoteEvents = payloadsFrom(before)
      .flatMap((payload) => payload.events)
      .filter((event) => event.eventCategory === "CREDITNOTE");
    expect(creditNoteEvents).toEqual([
      expect.objectContaining({
        eventType: "CREATE",
        resourceId: creditNoteId,
        resourceUrl: `${sandbox.url}/api.xro/2.0/CreditNotes/${creditNoteId}`,
        data: { Type: "ACCRECCREDIT", Status: "DRAFT" },
      }),
      expect.objectContaining({ eventType: "UPDATE", data: { Type: "ACCRECCREDIT", Status: "AUTHORISED" } }),
    ]);
  });

  it("numbers later batches after earlier ones", async () => {
    const sequences: [number, number][] = [];
    for (let batch = 0; batch < 2; batch++) {
      await createContact();
      const before = receiver.received.length;
      await flush();
      const [payload] = payloadsFrom(before);
      sequences.push([payload!.firstEventSequence, payload!.lastEventSequence]);
    }
    expect(sequences[1]![0]).toBe(sequences[0]![1] + 1);
  });
});

describe("retries", () => {
  it("retries a failing receiver with a doubling delay, the same body each time, until it answers 200", async () => {
    await createContact();
    receiver.failNext(2);
    const before = receiver.received.length;
    const { deliveries } = await flush();
    expect(deliveries).toHaveLength(1);
    const [record] = deliveries;
    expect(record!.attempts.map((attempt) => attempt.status)).toEqual([503, 503, 200]);
    expect(record!.status).toBe(200);
    const bodies = receiver.received.slice(before);
    expect(new Set(bodies.map((request) => request.rawBody)).size).toBe(1);
    const [first, second, third] = bodies.map((request) => request.at);
    expect(second! - first!).toBeGreaterThanOrEqual(RETRY_DELAY_MS);
    expect(third! - second!).toBeGreaterThanOrEqual(2 * RETRY_DELAY_MS);
  });

  it("counts a receiver that does not answer in time as failed, and retries it", async () => {
    await createContact();
    receiver.stallNext(1);
    const { deliveries } = await flush();
    expect(deliveries[0]!.attempts).toEqual([
      { at: expect.any(String), status: null, error: `no answer within ${TIMEOUT_MS} ms` },
      { at: expect.any(String), status: 200 },
    ]);
  });

  it("gives up after the configured retries and records the failure", async () => {
    await createContact();
    receiver.failNext(3, 500);
    const { deliveries } = await flush();
    expect(deliveries[0]).toMatchObject({ status: 500 });
    expect(deliveries[0]!.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 500]);
    const { deliveries: listed } = await sandbox.admin<{ deliveries: WebhookDeliveryRecord[] }>(
      "GET",
      "/sandbox/admin/webhooks",
    );
    expect(listed.at(-1)).toEqual(deliveries[0]);
  });
});
