import { describe, expect, it } from "vitest";
import { Invoice } from "xero-node";
import { stepErrorOf } from "../testing/step-error-of";
import { runAction, sandboxClientForFile, uniqueName } from "../testing/test-sandbox";
import { createBill } from "./create-bill";
import { createInvoice } from "./create-invoice";

// "When one already exists" on create invoice / create bill, over HTTP against the sandbox. Every
// call has an idempotency key of its own, as two separate runs (or a re-run from the start) would.

const client = await sandboxClientForFile();

const line = { Description: "Seminar", Quantity: 1, UnitAmount: 500, AccountCode: "200" };

/** Every sales invoice or bill of this organisation with the reference or number, read back from Xero. */
async function documentsWith(field: "Reference" | "InvoiceNumber", value: string) {
  const { body } = await client.accounting.getInvoices(client.tenantId, undefined, `${field}=="${value}"`);
  return body.invoices ?? [];
}

describe("xero.createInvoice, when one already exists", () => {
  it("off (the default) creates a second invoice with the same reference for the same customer", async () => {
    const reference = uniqueName("Off");
    const input = { ContactName: uniqueName("Twice Ltd"), Reference: reference, LineItems: [line] };
    const first = await runAction(createInvoice, client, input);
    const second = await runAction(createInvoice, client, input);
    expect(first.alreadyExisted).toBe(false);
    expect(second.alreadyExisted).toBe(false);
    expect(second.InvoiceID).not.toBe(first.InvoiceID);
    expect(await documentsWith("Reference", reference)).toHaveLength(2);
  });

  it("by reference: the second call answers with the first invoice and says it already existed", async () => {
    const reference = uniqueName("Order");
    const first = await runAction(createInvoice, client, {
      ContactName: uniqueName("Once Ltd"),
      Reference: reference,
      Status: "AUTHORISED",
      DueDate: "2026-06-30",
      LineItems: [line],
      avoidDuplicates: "Reference",
    });
    expect(first).toMatchObject({ alreadyExisted: false, Reference: reference, Total: 575 });

    // The second run names the customer by the ID the first one got, with other lines: still the same document.
    const contactId = (first.Contact as { ContactID: string }).ContactID;
    const second = await runAction(createInvoice, client, {
      ContactID: contactId.toUpperCase(),
      Reference: reference,
      LineItems: [{ ...line, UnitAmount: 999 }],
      avoidDuplicates: "Reference",
    });
    expect(second).toMatchObject({
      alreadyExisted: true,
      InvoiceID: first.InvoiceID,
      InvoiceNumber: first.InvoiceNumber,
      Status: "AUTHORISED",
      Total: 575,
      LineItems: [expect.objectContaining({ Description: "Seminar", UnitAmount: 500 })],
    });
    expect(await documentsWith("Reference", reference)).toHaveLength(1);
  });

  it("a different customer with the same reference gets an invoice of its own", async () => {
    const reference = uniqueName("Shared ref");
    const input = { Reference: reference, LineItems: [line], avoidDuplicates: "Reference" };
    const first = await runAction(createInvoice, client, { ...input, ContactName: uniqueName("First Co") });
    const other = await runAction(createInvoice, client, { ...input, ContactName: uniqueName("Second Co") });
    expect(other.alreadyExisted).toBe(false);
    expect(other.InvoiceID).not.toBe(first.InvoiceID);
    expect(await documentsWith("Reference", reference)).toHaveLength(2);
  });

  it("by invoice number: answers with the existing invoice where Xero would refuse a second number", async () => {
    const number = uniqueName("INV").replace(" ", "-");
    const input = { ContactName: uniqueName("Numbered Ltd"), InvoiceNumber: number, LineItems: [line] };
    const first = await runAction(createInvoice, client, { ...input, avoidDuplicates: "InvoiceNumber" });
    const second = await runAction(createInvoice, client, { ...input, avoidDuplicates: "InvoiceNumber" });
    expect(second).toMatchObject({ alreadyExisted: true, InvoiceID: first.InvoiceID });

    const refused = await stepErrorOf(runAction(createInvoice, client, input));
    expect(refused.message).toBe("Invoice # must be unique.");
  });

  it("ignores a voided invoice: the next call creates a new one", async () => {
    const reference = uniqueName("Voided");
    const input = {
      ContactName: uniqueName("Void Co"),
      Reference: reference,
      Status: "AUTHORISED",
      DueDate: "2026-06-30",
      LineItems: [line],
      avoidDuplicates: "Reference",
    };
    const voided = await runAction(createInvoice, client, input);
    await client.accounting.updateInvoice(client.tenantId, String(voided.InvoiceID), {
      invoices: [{ status: Invoice.StatusEnum.VOIDED }],
    });
    const fresh = await runAction(createInvoice, client, input);
    expect(fresh.alreadyExisted).toBe(false);
    expect(fresh.InvoiceID).not.toBe(voided.InvoiceID);
  });

  it("refuses to look without the value it matches on, naming the field, before calling Xero", async () => {
    const error = await stepErrorOf(
      runAction(createInvoice, client, {
        ContactName: "Bayside Club",
        LineItems: [line],
        avoidDuplicates: "Reference",
      }),
    );
    expect(error).toMatchObject({
      code: "invalid_input",
      field: "Reference",
      message: "Reference: is needed to look for an existing invoice",
    });
  });
});

describe("xero.createBill, when one already exists", () => {
  const billLine = { Description: "Electricity", Quantity: 1, UnitAmount: 230, AccountCode: "489" };

  it("by the supplier's invoice number: one bill per supplier, another supplier's same number is a new bill", async () => {
    const number = uniqueName("PD").replace(" ", "-");
    const input = { InvoiceNumber: number, LineItems: [billLine], avoidDuplicates: "InvoiceNumber" };
    const supplier = uniqueName("Power Co");
    const first = await runAction(createBill, client, { ...input, ContactName: supplier });
    const again = await runAction(createBill, client, { ...input, ContactName: supplier });
    expect(again).toMatchObject({ alreadyExisted: true, InvoiceID: first.InvoiceID, Type: "ACCPAY" });

    const otherSupplier = await runAction(createBill, client, { ...input, ContactName: uniqueName("Gas Co") });
    expect(otherSupplier.alreadyExisted).toBe(false);
    expect(await documentsWith("InvoiceNumber", number)).toHaveLength(2);
  });

  it("refuses to match a bill by reference, which bills do not have", async () => {
    const error = await stepErrorOf(
      runAction(createBill, client, {
        ContactName: "PowerDirect",
        LineItems: [billLine],
        avoidDuplicates: "Reference",
      }),
    );
    // A bill's choices have no "Reference": the choice is refused, naming the ones there are.
    expect(error).toMatchObject({
      code: "invalid_input",
      field: "avoidDuplicates",
      message:
        'When one already exists must be one of: Always create a new bill, Use the one with the same supplier\'s invoice number, but got "Reference"',
    });
  });
});
