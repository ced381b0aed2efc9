import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountingApi, Invoice } from "xero-node";
import { type AccountingTestSandbox, startAccountingTestSandbox } from "../testing/accounting-test-sandbox";
import { validationMessages, xeroCall } from "../testing/xero-call";

let sandbox: AccountingTestSandbox;
let xero: AccountingApi;
let nz: string;

type WireInvoice = {
  InvoiceID: string;
  InvoiceNumber: string;
  Status: string;
  Total: number;
  AmountDue: number;
  AmountPaid: number;
  Payments?: { PaymentID: string; Amount: number }[];
};
type WirePayment = {
  PaymentID: string;
  Amount: number;
  PaymentType: string;
  Status: string;
  Invoice: { InvoiceID: string };
  Account: { Code: string };
};

beforeAll(async () => {
  sandbox = await startAccountingTestSandbox();
  nz = sandbox.nzTenantId;
  xero = await sandbox.accounting();
});
afterAll(() => sandbox.close());

/** An invoice for 115.00 (100 + 15% GST) in the given status. */
async function invoiceFor115(
  status: Invoice.StatusEnum = Invoice.StatusEnum.AUTHORISED,
  type = Invoice.TypeEnum.ACCREC,
) {
  const result = await xeroCall(
    "createInvoices",
    xero.createInvoices(nz, {
      invoices: [
        {
          type,
          status,
          contact: { name: `Payer ${randomUUID().slice(0, 8)}` },
          lineItems: [
            {
              description: "Service",
              quantity: 1,
              unitAmount: 100,
              accountCode: type === Invoice.TypeEnum.ACCREC ? "200" : "429",
            },
          ],
        },
      ],
    }),
  );
  expect(result.status).toBe(200);
  return (result.data as { Invoices: WireInvoice[] }).Invoices[0]!;
}

async function readInvoice(id: string): Promise<WireInvoice> {
  const result = await xeroCall("getInvoice", xero.getInvoice(nz, id));
  return (result.data as { Invoices: WireInvoice[] }).Invoices[0]!;
}

describe("Payments", () => {
  it("part-pays by InvoiceNumber and bank Code, then settles by InvoiceID and AccountID: the invoice becomes PAID", async () => {
    const invoice = await invoiceFor115();
    const part = await xeroCall(
      "createPayments",
      xero.createPayments(nz, {
        payments: [
          {
            invoice: { invoiceNumber: invoice.InvoiceNumber },
            account: { code: "090" },
            amount: 40,
            date: "2024-05-01",
          },
        ],
      }),
    );
    expect(part.status).toBe(200);
    const first = (part.data as { Payments: WirePayment[] }).Payments[0]!;
    expect(first).toMatchObject({
      Amount: 40,
      PaymentType: "ACCRECPAYMENT",
      Status: "AUTHORISED",
      Account: { Code: "090" },
    });
    expect(await readInvoice(invoice.InvoiceID)).toMatchObject({ Status: "AUTHORISED", AmountPaid: 40, AmountDue: 75 });

    const accounts = await xeroCall("getAccounts", xero.getAccounts(nz, undefined, 'Code=="091"'));
    const savings = accounts.body!.accounts![0]!;
    const rest = await xeroCall(
      "createPayment",
      xero.createPayment(nz, {
        invoice: { invoiceID: invoice.InvoiceID },
        account: { accountID: savings.accountID },
        amount: 75,
      }),
    );
    expect(rest.status).toBe(200);
    const settled = await readInvoice(invoice.InvoiceID);
    expect(settled).toMatchObject({ Status: "PAID", AmountPaid: 115, AmountDue: 0 });
    expect(settled.Payments?.map((payment) => payment.Amount)).toEqual([40, 75]);
  });

  it("pays a bill as an ACCPAYPAYMENT", async () => {
    const bill = await invoiceFor115(Invoice.StatusEnum.AUTHORISED, Invoice.TypeEnum.ACCPAY);
    const paid = await xeroCall(
      "createPayment",
      xero.createPayment(nz, { invoice: { invoiceID: bill.InvoiceID }, account: { code: "090" }, amount: 115 }),
    );
    expect((paid.data as { Payments: WirePayment[] }).Payments[0]!.PaymentType).toBe("ACCPAYPAYMENT");
    expect((await readInvoice(bill.InvoiceID)).Status).toBe("PAID");
  });

  it("refuses an over-payment", async () => {
    const invoice = await invoiceFor115();
    const result = await xeroCall(
      "createPayment",
      xero.createPayment(nz, { invoice: { invoiceID: invoice.InvoiceID }, account: { code: "090" }, amount: 115.01 }),
    );
    expect(result.status).toBe(400);
    expect(validationMessages(result.data)).toEqual(["Payment amount exceeds the amount outstanding on this document"]);
    expect((await readInvoice(invoice.InvoiceID)).AmountDue).toBe(115);
  });

  it("refuses draft and submitted invoices", async () => {
    for (const status of [Invoice.StatusEnum.DRAFT, Invoice.StatusEnum.SUBMITTED]) {
      const invoice = await invoiceFor115(status);
      const result = await xeroCall(
        "createPayments",
        xero.createPayments(nz, {
          payments: [{ invoice: { invoiceID: invoice.InvoiceID }, account: { code: "090" }, amount: 10 }],
        }),
      );
      expect(result.status).toBe(400);
      expect(validationMessages(result.data)).toEqual(["Invoice not of valid status for creation of a payment"]);
    }
  });

  it("refuses an account that takes no payments, and accepts one enabled for payments", async () => {
    const invoice = await invoiceFor115();
    const sales = await xeroCall(
      "createPayment",
      xero.createPayment(nz, { invoice: { invoiceID: invoice.InvoiceID }, account: { code: "200" }, amount: 10 }),
    );
    expect(sales.status).toBe(400);
    expect(validationMessages(sales.data)).toEqual(["Account type is invalid for making a payment to/from"]);

    const drawings = await xeroCall(
      "createPayment",
      xero.createPayment(nz, { invoice: { invoiceID: invoice.InvoiceID }, account: { code: "880" }, amount: 10 }),
    );
    expect(drawings.status).toBe(200);
  });

  it("with summarizeErrors=false keeps the good payments of a batch and reports the bad one", async () => {
    const invoice = await invoiceFor115();
    const batch = await xeroCall(
      "createPayments",
      xero.createPayments(
        nz,
        {
          payments: [
            { invoice: { invoiceID: invoice.InvoiceID }, account: { code: "090" }, amount: 15 },
            { invoice: { invoiceID: invoice.InvoiceID }, account: { code: "090" }, amount: 500 },
          ],
        },
        false,
      ),
    );
    expect(batch.status).toBe(200);
    const [good, bad] = (batch.data as { Payments: (WirePayment & { HasValidationErrors?: boolean })[] }).Payments;
    expect(good!.PaymentID).toBeDefined();
    expect(bad!.HasValidationErrors).toBe(true);
    expect((await readInvoice(invoice.InvoiceID)).AmountDue).toBe(100);
  });

  it("saves nothing of a batch with a bad payment by default (summarizeErrors)", async () => {
    const invoice = await invoiceFor115();
    const batch = await xeroCall(
      "createPayments",
      xero.createPayments(nz, {
        payments: [
          { invoice: { invoiceID: invoice.InvoiceID }, account: { code: "090" }, amount: 15 },
          { invoice: { invoiceID: invoice.InvoiceID }, account: { code: "090" }, amount: 500 },
        ],
      }),
    );
    expect(batch.status).toBe(400);
    expect(validationMessages(batch.data)).toEqual(["Payment amount exceeds the amount outstanding on this document"]);
    expect(await readInvoice(invoice.InvoiceID)).toMatchObject({ AmountDue: 115, AmountPaid: 0, Payments: [] });
  });

  it("deletes a payment: the invoice owes the amount again and is no longer PAID", async () => {
    const invoice = await invoiceFor115();
    const paid = await xeroCall(
      "createPayment",
      xero.createPayment(nz, { invoice: { invoiceID: invoice.InvoiceID }, account: { code: "090" }, amount: 115 }),
    );
    const paymentId = (paid.data as { Payments: WirePayment[] }).Payments[0]!.PaymentID;
    expect((await readInvoice(invoice.InvoiceID)).Status).toBe("PAID");

    const deleted = await xeroCall("deletePayment", xero.deletePayment(nz, paymentId, { status: "DELETED" }));
    expect(deleted.status).toBe(200);
    expect((deleted.data as { Payments: WirePayment[] }).Payments[0]!.Status).toBe("DELETED");
    expect(await readInvoice(invoice.InvoiceID)).toMatchObject({
      Status: "AUTHORISED",
      AmountPaid: 0,
      AmountDue: 115,
      Payments: [],
    });

    const again = await xeroCall("deletePayment", xero.deletePayment(nz, paymentId, { status: "DELETED" }));
    expect(again.status).toBe(400);
    expect(validationMessages(again.data)).toEqual(["This payment has already been deleted."]);
  });

  it("refuses to void or delete an invoice with a payment on it, and voids it once the payment is deleted", async () => {
    const invoice = await invoiceFor115();
    const paid = await xeroCall(
      "createPayment",
      xero.createPayment(nz, { invoice: { invoiceID: invoice.InvoiceID }, account: { code: "090" }, amount: 40 }),
    );
    for (const status of [Invoice.StatusEnum.VOIDED, Invoice.StatusEnum.DELETED]) {
      const refused = await xeroCall(
        "updateInvoice",
        xero.updateInvoice(nz, invoice.InvoiceID, { invoices: [{ status }] }),
      );
      expect(refused.status).toBe(400);
      expect(validationMessages(refused.data)).toEqual([
        "This document cannot be edited as it has a payment or credit note allocated to it.",
      ]);
    }
    expect((await readInvoice(invoice.InvoiceID)).Status).toBe("AUTHORISED");

    const paymentId = (paid.data as { Payments: WirePayment[] }).Payments[0]!.PaymentID;
    await xeroCall("deletePayment", xero.deletePayment(nz, paymentId, { status: "DELETED" }));
    const voided = await xeroCall(
      "updateInvoice",
      xero.updateInvoice(nz, invoice.InvoiceID, { invoices: [{ status: Invoice.StatusEnum.VOIDED }] }),
    );
    expect(voided.status).toBe(200);
    expect(await readInvoice(invoice.InvoiceID)).toMatchObject({ Status: "VOIDED", AmountPaid: 0 });
  });

  it("lists and gets payments, and 404s an unknown one", async () => {
    const invoice = await invoiceFor115();
    const created = await xeroCall(
      "createPayment",
      xero.createPayment(nz, {
        invoice: { invoiceID: invoice.InvoiceID },
        account: { code: "090" },
        amount: 5,
        reference: "Cash",
      }),
    );
    const payment = (created.data as { Payments: WirePayment[] }).Payments[0]!;

    const listed = await xeroCall(
      "getPayments",
      xero.getPayments(nz, undefined, `Invoice.InvoiceID==Guid("${invoice.InvoiceID}")`),
    );
    expect((listed.data as { Payments: WirePayment[] }).Payments.map((p) => p.PaymentID)).toEqual([payment.PaymentID]);

    const one = await xeroCall("getPayment", xero.getPayment(nz, payment.PaymentID));
    expect(one.body?.payments?.[0]).toMatchObject({ paymentID: payment.PaymentID, amount: 5, reference: "Cash" });

    const missing = await xeroCall("getPayment", xero.getPayment(nz, randomUUID()));
    expect(missing.status).toBe(404);
  });
});
