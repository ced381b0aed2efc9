import { describe, expect, it } from "vitest";
import { createBill } from "../catalog/create-bill";
import { createInvoice } from "../catalog/create-invoice";
import { createPayment } from "../catalog/create-payment";
import { upsertContact } from "../catalog/upsert-contact";
import { runAction, sandboxClientForFile, uniqueName } from "../testing/test-sandbox";
import { xeroWebhookEventSchema } from "../webhooks/xero-webhook-body";
import { loadXeroEventRecord } from "./load-xero-event-record";
import { pollAsTheRuntime, xeroTrigger } from "./polling/poll-as-the-runtime";
import { xeroTriggers } from "./xero-triggers";

// The instant triggers without Xero's webhooks: each polls its record kind's list, and every
// change found stands for the event Xero would have pushed, so the triggers' own rules ("status
// became PAID") judge it. Against the sandbox over HTTP, polled as the runtime polls.

const client = await sandboxClientForFile();

const line = { Description: "Consulting", Quantity: 1, UnitAmount: 100, AccountCode: "200" };

const approvedInvoice = () =>
  runAction(createInvoice, client, {
    ContactName: uniqueName("Fallback Ltd"),
    Status: "AUTHORISED",
    DueDate: "2026-06-30",
    LineItems: [line],
  });

const payInFull = (invoice: Record<string, unknown>) =>
  runAction(createPayment, client, {
    InvoiceID: invoice.InvoiceID,
    AccountCode: "090",
    Amount: invoice.AmountDue,
    Date: "2026-03-10",
  });

describe("the instant triggers' polling fallback", () => {
  it("is there for every instant trigger", () => {
    const instant = xeroTriggers.filter((candidate) => candidate.source.kind === "instant");
    expect(instant.length).toBeGreaterThan(8);
    for (const candidate of instant) expect(candidate.source).toHaveProperty("fallback.poll");
  });

  it("Invoice paid: an approved invoice polled, then paid and polled, runs the flow exactly once", async () => {
    const flow = pollAsTheRuntime(xeroTrigger("xero.invoice.paid"), client);
    const invoice = await approvedInvoice();
    expect(await flow.poll()).toEqual([]);

    await payInFull(invoice);
    const runs = await flow.poll();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      event: { payload: { resourceId: invoice.InvoiceID, eventCategory: "INVOICE", eventType: "UPDATE" } },
      record: { InvoiceID: invoice.InvoiceID, Status: "PAID" },
      previous: { Status: "AUTHORISED" },
    });
    expect(await flow.poll()).toEqual([]);
  });

  it("stands for Xero's webhook event, with the record key and state a pushed event has", async () => {
    const spec = xeroTrigger("xero.invoice.updated").source;
    if (spec.kind !== "instant" || !spec.fallback) throw new Error("no fallback");
    const since = new Date().toISOString();
    const invoice = await approvedInvoice();
    const { records } = await spec.fallback.poll({ client, input: {}, cursor: { since } });
    const polled = records.find((candidate) => candidate.record.InvoiceID === invoice.InvoiceID)!;

    const created = spec.fallback.eventOf({ polled, previous: null, account: client.tenantId });
    expect(Object.keys(created).sort()).toEqual([
      "eventCategory",
      "eventDateUtc",
      "eventType",
      "resourceId",
      "tenantId",
    ]);
    expect(xeroWebhookEventSchema.parse(created)).toEqual(created);
    expect(created).toMatchObject({
      resourceId: invoice.InvoiceID,
      tenantId: client.tenantId,
      eventCategory: "INVOICE",
      eventType: "CREATE",
    });
    // Xero's eventDateUtc: UTC without a zone designator.
    expect(created.eventDateUtc).toBe(polled.changedAt.replace(/Z$/, ""));
    expect(spec.fallback.eventOf({ polled, previous: polled.state, account: client.tenantId })).toMatchObject({
      eventType: "UPDATE",
    });

    // What the pushed path remembers of the same record, under the same key.
    const pushed = await loadXeroEventRecord(client, { accountExternalId: client.tenantId, payload: created });
    expect(polled.recordKey).toBe(pushed.key);
    expect(polled.state).toEqual(pushed.state);
  });

  it("polls only its side of the books: a new bill runs New bill, not New sales invoice", async () => {
    const sales = pollAsTheRuntime(xeroTrigger("xero.invoice.created"), client);
    const bills = pollAsTheRuntime(xeroTrigger("xero.bill.created"), client);
    const bill = await runAction(createBill, client, {
      ContactName: uniqueName("Supplier Ltd"),
      DueDate: "2026-06-30",
      LineItems: [{ ...line, AccountCode: "400" }],
    });
    expect((await sales.poll()).map((run) => run.record.InvoiceID)).not.toContain(bill.InvoiceID);
    expect((await bills.poll()).map((run) => [run.record.InvoiceID, run.event.payload.eventType])).toEqual([
      [bill.InvoiceID, "CREATE"],
    ]);
  });

  it("lets the general trigger poll the kind of record its settings choose", async () => {
    const flow = pollAsTheRuntime(xeroTrigger("xero.event"), client, { eventCategory: "CONTACT", eventType: "UPDATE" });
    const contact = await runAction(upsertContact, client, { Name: uniqueName("General Co") });
    // First seen: CREATE, which this flow does not listen to.
    expect(await flow.poll()).toEqual([]);
    await runAction(upsertContact, client, { ContactID: contact.ContactID, EmailAddress: "general@example.com" });
    const runs = await flow.poll();
    expect(
      runs.map((run) => [run.record.ContactID, run.event.payload.eventCategory, run.event.payload.eventType]),
    ).toEqual([[contact.ContactID, "CONTACT", "UPDATE"]]);
  });
});
