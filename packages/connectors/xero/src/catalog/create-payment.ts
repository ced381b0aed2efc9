import { field, fieldSpecs, type InputCheckProblem } from "@ledgerflow/engine";
import { callXero } from "../call-xero";
import { defineXeroAction } from "../xero-action-definition";
import { savedRecord, type XeroRecord } from "../xero-records";
import { accountReference } from "./account-reference";
import { samplePayment } from "./output-samples";
import { paymentTestRecord } from "./test-records";

const fields = {
  InvoiceID: field.text({
    label: "Xero invoice ID",
    help: "The invoice or bill being paid, e.g. {{steps[xero.createInvoice].InvoiceID}}. Leave empty to use the invoice number.",
  }),
  InvoiceNumber: field.text({
    label: "Invoice number",
    help: "Used when no invoice ID is given, e.g. INV-0042. The invoice must be approved (not a draft).",
  }),
  AccountCode: field.select({
    label: "Paid into / from account",
    help: "The bank account (or other account that accepts payments) the money went into or came out of.",
    options: { loader: "xero.accounts.payment" },
  }),
  AccountID: field.text({ label: "Xero account ID", help: "Alternative to choosing the account above: its Xero ID." }),
  Amount: field.number({
    label: "Amount",
    required: true,
    positive: true,
    help: "Amount paid, in the invoice's currency; at most the amount still due.",
  }),
  Date: field.date({ label: "Payment date", required: true, help: "The date the money moved." }),
  Reference: field.text({ label: "Reference", help: "Shown on the payment, e.g. the bank or card transaction id." }),
  CurrencyRate: field.number({
    label: "Exchange rate",
    help: "Only for foreign-currency invoices: units of the invoice's currency per one unit of your base currency. Leave empty to use Xero's rate.",
  }),
};

const specs = fieldSpecs(fields);

export const createPayment = defineXeroAction({
  key: "xero.createPayment",
  kind: "action",
  group: "Payments",
  title: "Record payment",
  writes: { noun: "payment", verb: "creates" },
  test: { record: paymentTestRecord },
  description: "Records a payment against an approved sales invoice or bill, reducing the amount due.",
  fields,
  check(input) {
    const problems: InputCheckProblem<keyof typeof fields>[] = [];
    if (!input.InvoiceID && !input.InvoiceNumber) {
      problems.push({ field: "InvoiceID", message: "give the invoice's ID or its number" });
    }
    if (!input.AccountCode && !input.AccountID) {
      problems.push({ field: "AccountCode", message: "choose the account the payment goes through" });
    }
    return problems;
  },
  outputSample: samplePayment,
  scopes: { classic: ["accounting.transactions"], granular: ["accounting.payments"] },
  async run(ctx, input): Promise<XeroRecord> {
    const payment = {
      invoice: input.InvoiceID ? { invoiceID: input.InvoiceID } : { invoiceNumber: input.InvoiceNumber },
      account: input.AccountID ? { accountID: input.AccountID } : accountReference(input.AccountCode),
      amount: input.Amount,
      date: input.Date,
      reference: input.Reference,
      currencyRate: input.CurrencyRate,
    };
    const body = await callXero(
      ctx.client,
      (accounting) => accounting.createPayments(ctx.client.tenantId, { payments: [payment] }, true, ctx.idempotencyKey),
      { operation: "record the payment", signal: ctx.signal, fields: specs },
    );
    return savedRecord(body, "Payments", { operation: "record the payment", fields: specs });
  },
});
