import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, TEST_ADMIN_SECRET, type TestSandbox } from "../testing/start-test-sandbox";
import { startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver";
import { expectValidWebhookPayload } from "../testing/webhook-spec";
import type { WebhookDeliveryRecord } from "./webhook-delivery";
import type { WebhookPayload } from "./webhook-payload";

// The admin routes a test drives webhooks with: subscribing (behind Xero's intent-to-receive
// check), delivery faults (duplicated and reordered batches) and flushing, all over HTTP.

const WEBHOOK_KEY = "sandbox-admin-test-webhook-key";

let receiver: WebhookReceiver;
let sandbox: TestSandbox;
let tenantId: string;
let accessToken: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver(WEBHOOK_KEY);
  // No subscription yet: the tests subscribe through the admin route.
  sandbox = await startTestSandbox({ webhook: { batchDelayMs: 60_000 } });
  tenantId = sandbox.ledger.organisations()[0]!.tenantId;
  ({ access_token: accessToken } = await sandbox.admin<{ access_token: string }>("POST", "/sandbox/admin/tokens", {
    tenantIds: [tenantId],
  }));
});
afterEach(() => sandbox.admin("DELETE", "/sandbox/admin/webhooks/faults"));
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

const subscribe = (body: Record<string, unknown>) => sandbox.admin("PUT", "/sandbox/admin/webhooks", body);
const flush = () =>
  sandbox.admin<{ deliveries: WebhookDeliveryRecord[]; heldBatches: number }>("POST", "/sandbox/admin/webhooks/flush");

/** Creates a contact over the Accounting API: one CONTACT event. */
async function createContact(): Promise<string> {
  const response = await fetch(`${sandbox.url}/api.xro/2.0/Contacts`, {
    method: "PUT",
    headers: { authorization: `Bearer ${accessToken}`, "xero-tenant-id": tenantId, "content-type": "application/json" },
    body: JSON.stringify({ Contacts: [{ Name: `Admin hook ${randomUUID()}` }] }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { Contacts: { ContactID: string }[] }).Contacts[0]!.ContactID;
}

function payloadsFrom(from: number): WebhookPayload[] {
  return receiver.received.slice(from).map(({ rawBody }) => {
    const payload = JSON.parse(rawBody) as WebhookPayload;
    expectValidWebhookPayload(payload);
    return payload;
  });
}

describe("subscribing (PUT /sandbox/admin/webhooks)", () => {
  it("runs intent to receive first: a receiver that checks signatures is subscribed", async () => {
    const before = receiver.received.length;
    expect(await subscribe({ url: receiver.url, key: WEBHOOK_KEY })).toEqual({
      url: receiver.url,
      keyConfigured: true,
    });
    const probes = receiver.received.slice(before);
    expect(probes.map((probe) => probe.signatureValid)).toEqual([true, false]);
    for (const probe of probes) expectValidWebhookPayload(JSON.parse(probe.rawBody));

    const contactId = await createContact();
    const sent = receiver.received.length;
    await flush();
    expect(payloadsFrom(sent)[0]!.events[0]).toMatchObject({ resourceId: contactId });
  });

  it("refuses a receiver that fails the check, naming it, and keeps the subscription it had", async () => {
    await subscribe({ url: receiver.url, key: WEBHOOK_KEY });
    const careless = await startWebhookReceiver(WEBHOOK_KEY, "always-200");
    try {
      await expect(subscribe({ url: careless.url, key: WEBHOOK_KEY })).rejects.toThrow(
        /answered 400: .*"error":"intent_to_receive_failed".*intentToReceive: .*it answered 200 and 200/,
      );
      const state = await sandbox.admin<{ url: string }>("GET", "/sandbox/admin/webhooks");
      expect(state.url).toBe(receiver.url);

      // A test that wants a receiver which checks nothing says so.
      await subscribe({ url: careless.url, key: WEBHOOK_KEY, skipIntentToReceive: true });
      await createContact();
      await flush();
      expect(careless.received.at(-1)!.signatureValid).toBe(true);
    } finally {
      await subscribe({ url: receiver.url, key: WEBHOOK_KEY });
      await careless.close();
    }
  });

  it("answers bad input with a 400 naming the field", async () => {
    await expect(subscribe({ url: "not a url", key: WEBHOOK_KEY })).rejects.toThrow(/answered 400: .*url: /);
    const response = await fetch(`${sandbox.url}/sandbox/admin/webhooks/faults`, {
      method: "POST",
      headers: { "x-sandbox-admin-secret": TEST_ADMIN_SECRET, "content-type": "application/json" },
      body: JSON.stringify({ duplicateNext: -1 }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^duplicateNext: /);
  });

  it("still runs the check alone, against the subscription or a given receiver", async () => {
    await subscribe({ url: receiver.url, key: WEBHOOK_KEY });
    expect(await sandbox.admin("POST", "/sandbox/admin/webhooks/intent-to-receive")).toEqual({
      ok: true,
      correctSignatureStatus: 200,
      wrongSignatureStatus: 401,
    });
  });
});

describe("delivery faults", () => {
  it("duplicateNext delivers the next batch twice, byte for byte, then one copy again", async () => {
    await subscribe({ url: receiver.url, key: WEBHOOK_KEY });
    expect(await sandbox.admin("POST", "/sandbox/admin/webhooks/faults", { duplicateNext: 1 })).toEqual({
      faults: { duplicateNext: 1, reorderNext: false },
    });
    await createContact();
    const before = receiver.received.length;
    const { deliveries } = await flush();
    expect(deliveries.map((record) => record.duplicate ?? false)).toEqual([false, true]);
    const [first, second] = receiver.received.slice(before);
    expect(second!.rawBody).toBe(first!.rawBody);

    await createContact();
    expect((await flush()).deliveries).toHaveLength(1);
  });

  it("reorderNext holds the next batch until the one after it has been delivered", async () => {
    await subscribe({ url: receiver.url, key: WEBHOOK_KEY });
    await sandbox.admin("POST", "/sandbox/admin/webhooks/faults", { reorderNext: true });
    const before = receiver.received.length;
    const earlier = await createContact();
    expect(await flush()).toEqual({ deliveries: [], heldBatches: 1 });
    const later = await createContact();
    const { deliveries, heldBatches } = await flush();
    expect(heldBatches).toBe(0);
    const payloads = payloadsFrom(before);
    expect(payloads.map((payload) => payload.events[0]!.resourceId)).toEqual([later, earlier]);
    expect(payloads[0]!.firstEventSequence).toBeGreaterThan(payloads[1]!.firstEventSequence);
    expect(deliveries.map((record) => record.firstEventSequence)).toEqual(
      payloads.map((payload) => payload.firstEventSequence),
    );
  });

  it("DELETE clears the faults", async () => {
    await sandbox.admin("POST", "/sandbox/admin/webhooks/faults", { duplicateNext: 3, reorderNext: true });
    expect(await sandbox.admin("DELETE", "/sandbox/admin/webhooks/faults")).toEqual({
      faults: { duplicateNext: 0, reorderNext: false },
    });
    await subscribe({ url: receiver.url, key: WEBHOOK_KEY });
    await createContact();
    expect((await flush()).deliveries).toHaveLength(1);
  });
});
