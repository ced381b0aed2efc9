import { resolveStepInput } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { stepErrorOf } from "../testing/step-error-of";
import { runAction, sandboxClientForFile, uniqueName } from "../testing/test-sandbox";
import { createBill } from "./create-bill";
import { createInvoice } from "./create-invoice";
import { createPayment } from "./create-payment";

const client = await sandboxClientForFile();

/** An order as a webhook would deliver it, mapped onto invoice lines the way a flow's step does. */
const order = {
  customer: "Mapped Lines Ltd",
  lines: [
    { name: "Fiction book", qty: 3, price: 19.95, region: "North" },
    { name: "Development hour", qty: "2", price: "150", discount: 10, region: "South" },
    { name: "Export freight", qty: 1, price: 45.5, region: "North", zeroRated: true },
  ],
};

const mappedInvoiceStep = {
  ContactName: "{{trigger.body.customer}}",
  Date: "2026-03-02",
  DueDate: "2026-03-30",
  Reference: "Order {{trigger.body.orderId}}",
  Status: "AUTHORISED",
  LineAmountTypes: "Exclusive",
  LineItems: {
    $each: "{{trigger.body.lines}}",
    as: "line",
    map: {
      Description: "{{line.name}}",
      Quantity: "{{line.qty}}",
      UnitAmount: "{{line.price}}",
      DiscountRate: "{{line.discount}}",
      AccountCode: "200",
      TaxType: "OUTPUT2",
      TrackingCategory1: "Region",
      TrackingOption1: "{{line.region}}",
    },
  },
};

describe("xero.createInvoice", () => {
  it("creates an approved invoice from three mapped lines whose totals follow Xero's arithmetic, and a full payment marks it PAID", async () => {
    const trigger = { body: { ...order, customer: uniqueName(order.customer), orderId: "A-1001" } };
    const { value: input } = resolveStepInput(mappedInvoiceStep, { trigger, steps: {} });
    // The third line is zero-rated: a per-line override of the mapped tax type.
    (input.LineItems as Record<string, unknown>[])[2]!.TaxType = "ZERORATED";

    const invoice = await runAction(createInvoice, client, input);

    // Lines: 3 × 19.95 = 59.85 (GST 8.9775 → 8.98); 2 × 150 less 10% = 270.00 (GST 40.50);
    // 1 × 45.50 zero-rated (GST 0). Tax is rounded per line, as Xero does.
    expect(invoice).toMatchObject({
      Type: "ACCREC",
      Status: "AUTHORISED",
      Reference: "Order A-1001",
      Contact: { Name: trigger.body.customer },
      SubTotal: 375.35,
      TotalTax: 49.48,
      Total: 424.83,
      AmountDue: 424.83,
    });
    expect(invoice.InvoiceNumber).toEqual(expect.any(String));
    const lines = invoice.LineItems as Record<string, unknown>[];
    expect(lines.map((line) => [line.LineAmount, line.TaxAmount])).toEqual([
      [59.85, 8.98],
      [270, 40.5],
      [45.5, 0],
    ]);
    expect(lines.map((line) => (line.Tracking as Record<string, unknown>[])[0])).toEqual([
      expect.objectContaining({ Name: "Region", Option: "North" }),
      expect.objectContaining({ Name: "Region", Option: "South" }),
      expect.objectContaining({ Name: "Region", Option: "North" }),
    ]);

    const payment = await runAction(createPayment, client, {
      InvoiceID: invoice.InvoiceID,
      AccountCode: "090",
      Amount: invoice.Total,
      Date: "2026-03-10",
      Reference: "Bank transfer",
    });
    expect(payment).toMatchObject({ Amount: 424.83, Reference: "Bank transfer" });
    expect(payment.PaymentID).toEqual(expect.any(String));

    const paid = await client.accounting.getInvoice(client.tenantId, String(invoice.InvoiceID));
    const saved = paid.response.data.Invoices[0];
    expect(saved).toMatchObject({ Status: "PAID", AmountDue: 0, AmountPaid: 424.83 });
  });

  it("creates a draft invoice for a contact given by ID, in another currency", async () => {
    const contacts = await client.accounting.getContacts(client.tenantId, undefined, 'Name=="Bayside Club"');
    const contactId = contacts.body.contacts?.[0]?.contactID;
    const invoice = await runAction(createInvoice, client, {
      ContactID: contactId,
      CurrencyCode: "USD",
      LineAmountTypes: "Inclusive",
      LineItems: [
        { Description: "Gift voucher", Quantity: 1, UnitAmount: 115, AccountCode: "200", TaxType: "OUTPUT2" },
      ],
    });
    expect(invoice).toMatchObject({
      Status: "DRAFT",
      CurrencyCode: "USD",
      Contact: { ContactID: contactId },
      SubTotal: 100,
      TotalTax: 15,
      Total: 115,
    });
  });

  it("surfaces Xero's validation message verbatim and names the line field", async () => {
    const error = await stepErrorOf(
      runAction(createInvoice, client, {
        ContactName: uniqueName("Bad Account Co"),
        Status: "AUTHORISED",
        DueDate: "2026-04-01",
        LineItems: [{ Description: "Widget", Quantity: 1, UnitAmount: 10, AccountCode: "999" }],
      }),
    );
    expect(error.code).toBe("xero_validation");
    expect(error.retryable).toBe(false);
    expect(error.message).toBe("Account code '999' is not a valid code for this document.");
    expect(error.field).toBe("LineItems[0].AccountCode");
  });

  it("puts each of Xero's validation messages on the field and line it concerns", async () => {
    const error = await stepErrorOf(
      runAction(createInvoice, client, {
        ContactName: uniqueName("Line Two Ltd"),
        Status: "AUTHORISED",
        DueDate: "2026-04-01",
        LineItems: [
          { Description: "Widget", Quantity: 1, UnitAmount: 10, AccountCode: "200", TaxType: "OUTPUT2" },
          { Description: "Gadget", Quantity: 2, UnitAmount: 5, AccountCode: "999", TaxType: "NOT-A-RATE" },
        ],
      }),
    );
    expect(error.code).toBe("xero_validation");
    expect(error.field).toBe("LineItems[1].AccountCode");
    expect(error.details?.problems).toEqual([
      { field: "LineItems[1].AccountCode", message: "Account code '999' is not a valid code for this document." },
      {
        field: "LineItems[1].TaxType",
        message: "The TaxType code 'NOT-A-RATE' does not exist or cannot be used for this type of transaction.",
      },
    ]);
  });

  it("refuses an invoice to nobody before calling Xero", async () => {
    const error = await stepErrorOf(
      runAction(createInvoice, client, { LineItems: [{ Description: "Tea", UnitAmount: 4 }] }),
    );
    expect(error).toMatchObject({
      code: "invalid_input",
      field: "ContactID",
      message: "Customer: choose a contact or give a contact name",
    });
  });

  it("creates one invoice when the same step is retried with the same idempotency key", async () => {
    const reference = uniqueName("Retry");
    const input = {
      ContactName: "Ridgeway University",
      Reference: reference,
      LineItems: [{ Description: "Seminar", Quantity: 1, UnitAmount: 500, AccountCode: "200" }],
    };
    const idempotencyKey = `run-${reference}:invoice`;
    const first = await runAction(createInvoice, client, input, { idempotencyKey });
    const second = await runAction(createInvoice, client, input, { idempotencyKey });
    expect(second.InvoiceID).toBe(first.InvoiceID);

    const matches = await client.accounting.getInvoices(client.tenantId, undefined, `Reference=="${reference}"`);
    expect(matches.body.invoices).toHaveLength(1);
  });

  // The engine's messages, as a run shows them: the step's input is checked by the engine, once.
  it("refuses a step without lines, or with a line that is not a number, before calling Xero", async () => {
    const empty = await stepErrorOf(runAction(createInvoice, client, { ContactName: "Bayside Club", LineItems: [] }));
    expect(empty).toMatchObject({
      code: "invalid_input",
      field: "LineItems",
      message: "Line items needs at least one entry",
    });

    const notANumber = await stepErrorOf(
      runAction(createInvoice, client, {
        ContactName: "Bayside Club",
        LineItems: [{ Description: "Tea" }, { Description: "Cake", UnitAmount: "four" }],
      }),
    );
    expect(notANumber).toMatchObject({
      code: "invalid_input",
      field: "LineItems[1].UnitAmount",
      message: 'Unit price (Line items, row 2) must be a number like 12.50, but got "four"',
    });
  });
});

describe("xero.createBill", () => {
  it("creates a bill (ACCPAY) with the supplier's invoice number", async () => {
    const supplierNumber = uniqueName("PD").replace(" ", "-");
    const bill = await runAction(createBill, client, {
      ContactName: "PowerDirect",
      InvoiceNumber: supplierNumber,
      Date: "2026-03-01",
      DueDate: "2026-03-20",
      Status: "AUTHORISED",
      LineAmountTypes: "Inclusive",
      LineItems: [
        {
          Description: "Electricity, February",
          Quantity: 1,
          UnitAmount: 230,
          AccountCode: "489",
          TaxType: "INPUT2",
          TrackingCategory1: "Department",
          TrackingOption1: "Operations",
        },
      ],
    });
    expect(bill).toMatchObject({
      Type: "ACCPAY",
      Status: "AUTHORISED",
      InvoiceNumber: supplierNumber,
      Contact: { Name: "PowerDirect" },
      SubTotal: 200,
      TotalTax: 30,
      Total: 230,
    });

    const stored = await client.accounting.getInvoice(client.tenantId, String(bill.InvoiceID));
    expect(stored.response.data.Invoices[0].Type).toBe("ACCPAY");
  });

  it("surfaces a refused tax rate verbatim", async () => {
    const error = await stepErrorOf(
      runAction(createBill, client, {
        ContactName: "PowerDirect",
        LineItems: [{ Description: "Paper", Quantity: 1, UnitAmount: 10, AccountCode: "453", TaxType: "BOGUS" }],
      }),
    );
    expect(error.message).toBe(
      "The TaxType code 'BOGUS' does not exist or cannot be used for this type of transaction.",
    );
    expect(error.field).toBe("LineItems[0].TaxType");
  });
});

describe("xero.createPayment", () => {
  async function approvedInvoice(total: number) {
    return runAction(createInvoice, client, {
      ContactName: "Bayside Club",
      Status: "AUTHORISED",
      DueDate: "2026-05-01",
      LineAmountTypes: "NoTax",
      LineItems: [{ Description: "Membership", Quantity: 1, UnitAmount: total, AccountCode: "200" }],
    });
  }

  it("applies a part payment by invoice number through a payment-enabled account", async () => {
    const invoice = await approvedInvoice(300);
    const payment = await runAction(createPayment, client, {
      InvoiceNumber: invoice.InvoiceNumber,
      AccountCode: "880",
      Amount: "100.00",
      Date: "2026-04-02T10:00:00Z",
    });
    expect(payment).toMatchObject({ Amount: 100 });

    const stored = await client.accounting.getInvoice(client.tenantId, String(invoice.InvoiceID));
    expect(stored.response.data.Invoices[0]).toMatchObject({ Status: "AUTHORISED", AmountDue: 200, AmountPaid: 100 });
  });

  it("takes the account chosen by its AccountID, as the dropdown offers accounts without a code", async () => {
    const accounts = await client.accounting.getAccounts(client.tenantId, undefined, 'Code=="091"');
    const savingsId = accounts.body.accounts?.[0]?.accountID;
    const invoice = await approvedInvoice(40);
    const payment = await runAction(createPayment, client, {
      InvoiceID: invoice.InvoiceID,
      AccountCode: savingsId,
      Amount: 40,
      Date: "2026-04-02",
    });
    expect(payment).toMatchObject({ Account: { AccountID: savingsId, Code: "091" } });
  });

  it("surfaces an over-payment refusal verbatim, naming the amount", async () => {
    const invoice = await approvedInvoice(50);
    const error = await stepErrorOf(
      runAction(createPayment, client, {
        InvoiceID: invoice.InvoiceID,
        AccountCode: "090",
        Amount: 80,
        Date: "2026-04-02",
      }),
    );
    expect(error).toMatchObject({
      code: "xero_validation",
      retryable: false,
      message: "Payment amount exceeds the amount outstanding on this document",
      field: "Amount",
    });
  });

  it("refuses a payment without an invoice or an account, or of nothing, before calling Xero", async () => {
    const payment = { InvoiceNumber: "INV-0001", AccountCode: "090", Amount: 10, Date: "2026-04-02" };
    const noInvoice = await stepErrorOf(runAction(createPayment, client, { ...payment, InvoiceNumber: "" }));
    expect(noInvoice).toMatchObject({
      code: "invalid_input",
      field: "InvoiceID",
      message: "Xero invoice ID: give the invoice's ID or its number",
    });
    const noAccount = await stepErrorOf(runAction(createPayment, client, { ...payment, AccountCode: undefined }));
    expect(noAccount).toMatchObject({
      field: "AccountCode",
      message: "Paid into / from account: choose the account the payment goes through",
    });
    const nothing = await stepErrorOf(runAction(createPayment, client, { ...payment, Amount: "0.00" }));
    expect(nothing).toMatchObject({ field: "Amount", message: "Amount must be more than zero, but got 0" });
  });

  it("records one payment when retried with the same idempotency key", async () => {
    const invoice = await approvedInvoice(90);
    const input = { InvoiceID: invoice.InvoiceID, AccountCode: "090", Amount: 30, Date: "2026-04-03" };
    const idempotencyKey = `run-${invoice.InvoiceID}:payment`;
    const first = await runAction(createPayment, client, input, { idempotencyKey });
    const second = await runAction(createPayment, client, input, { idempotencyKey });
    expect(second.PaymentID).toBe(first.PaymentID);

    const stored = await client.accounting.getInvoice(client.tenantId, String(invoice.InvoiceID));
    expect(stored.response.data.Invoices[0]).toMatchObject({ AmountDue: 60, AmountPaid: 30 });
  });
});
