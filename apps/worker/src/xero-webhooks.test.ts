import { createHmac, randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eventually } from "./testing/app-processes";
import { type System, startSystem } from "./testing/system";

// POST /api/xero/webhooks through the built web app: the signature is checked on the raw body,
// signed events are stored once in ConnectorEvent before the 200 however often Xero redelivers
// them, and everything else is refused with Xero's bare 401 (or a 400 naming the field).
const KEY = "system-test-xero-webhook-key";
let system: System;

beforeAll(async () => {
  system = await startSystem({ web: true, workers: 0, env: { XERO_WEBHOOK_KEY: KEY } });
}, 120_000);
afterAll(() => system?.stop());
beforeEach(async () => {
  await prisma.connectorEvent.deleteMany();
  await prisma.connectorDelivery.deleteMany();
});

const sign = (body: string, key = KEY) => createHmac("sha256", key).update(body, "utf8").digest("base64");
const post = (body: string, signature?: string) =>
  fetch(`${system.webUrl}/api/xero/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(signature === undefined ? {} : { "x-xero-signature": signature }),
    },
    body,
  });

const tenantId = randomUUID();
const xeroEvent = (category: "INVOICE" | "CONTACT", eventType: "CREATE" | "UPDATE", resourceId = randomUUID()) => ({
  resourceUrl: `https://api.xero.com/api.xro/2.0/${category === "INVOICE" ? "Invoices" : "Contacts"}/${resourceId}`,
  resourceId,
  eventDateUtc: "2026-12-02T09:30:00.123",
  eventType,
  eventCategory: category,
  tenantId,
  tenantType: "ORGANISATION",
});
const batch = (events: unknown[]) =>
  JSON.stringify({ events, firstEventSequence: 1, lastEventSequence: events.length, entropy: randomUUID() });

const storedEvents = () => prisma.connectorEvent.findMany({ orderBy: { receivedAt: "asc" } });

describe("a signed delivery", () => {
  it("is answered 200 with no body after every event is stored", async () => {
    const events = [xeroEvent("INVOICE", "CREATE"), xeroEvent("INVOICE", "UPDATE"), xeroEvent("CONTACT", "CREATE")];
    const body = batch(events);
    const response = await post(body, sign(body));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");

    const stored = await storedEvents();
    expect(stored).toHaveLength(3);
    for (const row of stored) {
      expect(row.provider).toBe("xero");
      expect(row.accountExternalId).toBe(tenantId);
      expect(row.fannedOutAt).toBeNull();
    }
    expect(stored.map((row) => row.payload)).toEqual(expect.arrayContaining(events));
    expect(await prisma.connectorDelivery.findMany()).toMatchObject([{ eventCount: 3, failure: null }]);
  });

  it("stores a redelivered event once: the same delivery twice, and the same event in a new batch", async () => {
    const event = xeroEvent("INVOICE", "UPDATE");
    const first = batch([event]);
    expect((await post(first, sign(first))).status).toBe(200);
    expect((await post(first, sign(first))).status).toBe(200);
    // Xero's retry is a new body (new entropy, sequence numbers) carrying the same event, beside a new one.
    const retry = batch([xeroEvent("CONTACT", "CREATE"), event, event]);
    expect((await post(retry, sign(retry))).status).toBe(200);

    const stored = await storedEvents();
    expect(stored).toHaveLength(2);
    expect(
      stored.filter((row) => (row.payload as { resourceId: string }).resourceId === event.resourceId),
    ).toHaveLength(1);
    expect(await prisma.connectorDelivery.count()).toBe(3);
  });

  it("of the sandbox's own events (a contact created through the Accounting API) is stored", async () => {
    const tenant = system.sandbox.ledger.organisations()[0]!.tenantId;
    Object.assign(system.sandbox.webhooks.subscription, { url: `${system.webUrl}/api/xero/webhooks`, key: KEY });
    try {
      const { access_token } = await system.admin<{ access_token: string }>("/sandbox/admin/tokens", {
        tenantIds: [tenant],
      });
      const created = await fetch(`${system.sandboxUrl}/api.xro/2.0/Contacts`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${access_token}`,
          "xero-tenant-id": tenant,
          "content-type": "application/json",
        },
        body: JSON.stringify({ Contacts: [{ Name: `Hook ${randomUUID()}` }] }),
      });
      expect(created.status).toBe(200);
      const contactId = ((await created.json()) as { Contacts: { ContactID: string }[] }).Contacts[0]!.ContactID;
      const rows = await eventually(
        async () => {
          const found = await storedEvents();
          return found.length > 0 ? found : undefined;
        },
        { timeoutMs: 15_000, what: "the sandbox's delivery to be stored" },
      );
      expect(rows).toMatchObject([
        {
          accountExternalId: tenant,
          payload: { eventCategory: "CONTACT", eventType: "CREATE", resourceId: contactId },
        },
      ]);
    } finally {
      Object.assign(system.sandbox.webhooks.subscription, { url: null, key: null });
    }
  });
});

describe("intent to receive (an empty batch)", () => {
  it("passes Xero's check: 200 when signed with the key, 401 when not, and stores no event", async () => {
    const check = await system.admin<{ ok: boolean; correctSignatureStatus: number; wrongSignatureStatus: number }>(
      "/sandbox/admin/webhooks/intent-to-receive",
      { url: `${system.webUrl}/api/xero/webhooks`, key: KEY },
    );
    expect(check).toEqual({ ok: true, correctSignatureStatus: 200, wrongSignatureStatus: 401 });
    expect(await prisma.connectorEvent.count()).toBe(0);
    // The signed check is logged; the unsigned one writes nothing.
    expect((await prisma.connectorDelivery.findMany()).map((d) => d.eventCount)).toEqual([0]);
  });
});

describe("a delivery that is not signed with the key", () => {
  it("is answered 401 with no body and stores nothing: bad, missing or wrong-length signature", async () => {
    const body = batch([xeroEvent("INVOICE", "CREATE")]);
    for (const signature of [sign(body, "another key"), undefined, "", sign(body).slice(0, 10)]) {
      const response = await post(body, signature);
      expect(response.status).toBe(401);
      expect(await response.text()).toBe("");
    }
    expect(await prisma.connectorEvent.count()).toBe(0);
    expect(await prisma.connectorDelivery.count()).toBe(0);
  });
});

describe("a signed body that is not Xero's", () => {
  it("is answered 400 naming the field — never 5xx — and stores nothing", async () => {
    const cases: [string, RegExp][] = [
      ["not json", /^body: not valid JSON/],
      ["[]", /^body: /],
      ['{"entropy":"X"}', /^events: /],
      [batch([{ ...xeroEvent("INVOICE", "CREATE"), tenantId: undefined }]), /^events\[0\]\.tenantId: /],
      [batch([{ ...xeroEvent("INVOICE", "CREATE"), resourceId: 42 }]), /^events\[0\]\.resourceId: /],
      [
        batch([{ ...xeroEvent("INVOICE", "CREATE"), resourceId: "a\u0000b" }]),
        /^body\.events\[0\]\.resourceId contains a NUL/,
      ],
    ];
    for (const [body, message] of cases) {
      const response = await post(body, sign(body));
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as { error: string }).error, body).toMatch(message);
    }
    expect(await prisma.connectorEvent.count()).toBe(0);
  });

  it("larger than 1 MB is refused with 413 before it is read", async () => {
    const body = batch([{ ...xeroEvent("INVOICE", "CREATE"), padding: "x".repeat(1_100_000) }]);
    expect((await post(body, sign(body))).status).toBe(413);
    expect(await prisma.connectorEvent.count()).toBe(0);
  });
});
