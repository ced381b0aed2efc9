import { describe, expect, it } from "vitest";
import { BankTransaction } from "xero-node";
import { callXero } from "../../call-xero";
import { createInvoice } from "../../catalog/create-invoice";
import { createItem } from "../../catalog/create-item";
import { createPayment } from "../../catalog/create-payment";
import { upsertContact } from "../../catalog/upsert-contact";
import { runAction, sandboxClientForFile, uniqueName } from "../../testing/test-sandbox";
import { xeroWebhookEventSchema } from "../../webhooks/xero-webhook-body";
import { recordsOf, type XeroRecord } from "../../xero-records";
import { xeroTriggers } from "../xero-triggers";
import { pollAsTheRuntime, xeroTrigger } from "./poll-as-the-runtime";

// The triggers on what Xero does not push, polled as the runtime polls them, against the sandbox
// over HTTP: each "New …" runs once for a record the flow has not seen, "Quote updated" on every
// change, "Overdue sales invoice" once when an unpaid invoice is N days past due.

const client = await sandboxClientForFile();

const line = { Description: "Consulting", Quantity: 1, UnitAmount: 100, AccountCode: "200" };
const xeroLine = { description: "Consulting", quantity: 1, unitAmount: 100, accountCode: "200" };

/** Creates one record with a xero-node call and returns it as Xero answered. */
async function created(collection: string, call: Parameters<typeof callXero>[1]): Promise<XeroRecord> {
  return recordsOf(await callXero(client, call, { operation: `create a test ${collection}` }), collection)[0]!;
}

const newContact = () => runAction(upsertContact, client, { Name: uniqueName("Polled Ltd") });

const createQuote = async () => {
  const contact = await newContact();
  return created("Quotes", (api) =>
    api.createQuotes(client.tenantId, {
      quotes: [{ contact: { contactID: String(contact.ContactID) }, date: "2026-03-01", lineItems: [xeroLine] }],
    }),
  );
};

/** The UTC calendar day `days` before today, as Xero's dates are written (2026-03-01). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe("the New … triggers", () => {
  const cases: [key: string, idField: string, create: () => Promise<XeroRecord>][] = [
    [
      "xero.payment.created",
      "PaymentID",
      async () => {
        const invoice = await runAction(createInvoice, client, {
          ContactName: uniqueName("Payer Ltd"),
          Status: "AUTHORISED",
          LineItems: [line],
        });
        return runAction(createPayment, client, {
          InvoiceID: invoice.InvoiceID,
          AccountCode: "090",
          Amount: 10,
          Date: "2026-03-10",
        });
      },
    ],
    [
      "xero.bank_transaction.created",
      "BankTransactionID",
      () =>
        created("BankTransactions", (api) =>
          api.createBankTransactions(client.tenantId, {
            bankTransactions: [
              {
                type: BankTransaction.TypeEnum.SPEND,
                contact: { name: uniqueName("Stationer") },
                bankAccount: { code: "090" },
                lineItems: [{ ...xeroLine, accountCode: "429" }],
              },
            ],
          }),
        ),
    ],
    ["xero.quote.created", "QuoteID", createQuote],
    [
      "xero.purchase_order.created",
      "PurchaseOrderID",
      async () => {
        const supplier = await newContact();
        return created("PurchaseOrders", (api) =>
          api.createPurchaseOrders(client.tenantId, {
            purchaseOrders: [
              { contact: { contactID: String(supplier.ContactID) }, date: "2026-03-01", lineItems: [xeroLine] },
            ],
          }),
        );
      },
    ],
    [
      "xero.manual_journal.created",
      "ManualJournalID",
      () =>
        created("ManualJournals", (api) =>
          api.createManualJournals(client.tenantId, {
            manualJournals: [
              {
                narration: uniqueName("Accrual"),
                journalLines: [
                  { lineAmount: 100, accountCode: "429" },
                  { lineAmount: -100, accountCode: "200" },
                ],
              },
            ],
          }),
        ),
    ],
    ["xero.item.created", "ItemID", () => runAction(createItem, client, { Code: uniqueName("IT").replace(" ", "-") })],
  ];

  it.each(cases)("%s runs once for a record the flow has not seen", async (key, idField, create) => {
    const flow = pollAsTheRuntime(xeroTrigger(key), client);
    const record = await create();
    const runs = await flow.poll();
    expect(runs.map((run) => run.record[idField])).toEqual([record[idField]]);
    expect(runs[0]!.event.payload).toMatchObject({ resourceId: record[idField], eventType: "CREATE" });
    expect(runs[0]!.previous).toBeNull();
    expect(xeroTrigger(key).recordLabel?.(runs[0]!.record)).toEqual(expect.any(String));
    expect(await flow.poll()).toEqual([]);
  });
});

describe("Quote updated", () => {
  it("runs on every change a poll finds, the quote's first sighting included; New quote only on that one", async () => {
    const updated = pollAsTheRuntime(xeroTrigger("xero.quote.updated"), client);
    const fresh = pollAsTheRuntime(xeroTrigger("xero.quote.created"), client);
    const quote = await createQuote();
    expect((await updated.poll()).map((run) => run.event.payload.eventType)).toEqual(["CREATE"]);
    expect(await fresh.poll()).toHaveLength(1);

    await callXero(
      client,
      (api) =>
        api.updateQuote(client.tenantId, String(quote.QuoteID), {
          quotes: [
            {
              contact: { contactID: String((quote.Contact as XeroRecord).ContactID) },
              date: "2026-03-01",
              reference: "Second round",
            },
          ],
        }),
      { operation: "edit the test quote" },
    );
    const runs = await updated.poll();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      event: { payload: { resourceId: quote.QuoteID, eventType: "UPDATE" } },
      record: { Reference: "Second round" },
      previous: { Status: "DRAFT" },
    });
    expect(await fresh.poll()).toEqual([]);
  });
});

describe("Overdue sales invoice", () => {
  const invoiceDue = (dueDate: string) =>
    runAction(createInvoice, client, {
      ContactName: uniqueName("Late Payer"),
      Status: "AUTHORISED",
      Date: dueDate,
      DueDate: dueDate,
      LineItems: [line],
    });

  it("runs once for an approved, unpaid sales invoice that is the chosen days past due", async () => {
    const flow = pollAsTheRuntime(xeroTrigger("xero.invoice.overdue"), client, { daysOverdue: 7 });
    const overdue = await invoiceDue(daysAgo(7));
    const paid = await invoiceDue(daysAgo(7));
    await runAction(createPayment, client, {
      InvoiceID: paid.InvoiceID,
      AccountCode: "090",
      Amount: paid.AmountDue,
      Date: daysAgo(1),
    });
    await invoiceDue(daysAgo(6));

    const runs = await flow.poll();
    expect(runs.map((run) => run.record.InvoiceID)).toEqual([overdue.InvoiceID]);
    expect(runs[0]!.event.payload).toMatchObject({
      resourceId: overdue.InvoiceID,
      eventCategory: "INVOICE",
      eventType: "OVERDUE",
    });
    // Polled again the same day: the same invoice, known by its key, runs nothing.
    expect(await flow.poll()).toEqual([]);
  });

  it("loads a recent overdue invoice as a sample", async () => {
    await invoiceDue(daysAgo(30));
    const sample = await xeroTrigger("xero.invoice.overdue").loadSample?.({ client, input: { daysOverdue: 7 } });
    expect(sample).toMatchObject({ record: { Type: "ACCREC", Status: "AUTHORISED" }, previous: null });
  });
});

describe("every trigger", () => {
  it("has a sample of what a run carries: Xero's event, the record and its previous state", () => {
    for (const candidate of xeroTriggers) {
      expect(candidate.sample, candidate.key).toEqual({
        event: expect.any(Object),
        record: expect.any(Object),
        previous: expect.any(Object),
      });
      expect(xeroWebhookEventSchema.safeParse(candidate.sample.event).success, candidate.key).toBe(true);
    }
  });

  it("lists the polled triggers after the instant ones, in Xero's words", () => {
    const kinds = xeroTriggers.map((candidate) => candidate.source.kind);
    expect(kinds.indexOf("polling")).toBe(kinds.lastIndexOf("instant") + 1);
    expect(
      xeroTriggers.filter((candidate) => candidate.source.kind === "polling").map((candidate) => candidate.title),
    ).toEqual([
      "New payment",
      "New bank transaction",
      "New quote",
      "Quote updated",
      "New purchase order",
      "New manual journal",
      "Overdue sales invoice",
      "New item",
    ]);
  });

  it("loads a recent record of a polled kind as a run would carry it", async () => {
    await createQuote();
    const sample = await xeroTrigger("xero.quote.updated").loadSample?.({ client, input: {} });
    expect(sample).toMatchObject({
      event: { eventCategory: "QUOTE", tenantId: client.tenantId },
      record: { QuoteID: expect.any(String) },
      previous: null,
    });
  });
});
