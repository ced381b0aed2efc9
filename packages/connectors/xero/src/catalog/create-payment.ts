import type { FieldSpec } from "@ledgerflow/engine";
import { z } from "zod";
import { callXero } from "../call-xero";
import { defineXeroAction } from "../xero-action-definition";
import { savedRecord, type XeroRecord } from "../xero-records";
import { accountReference } from "./account-reference";
import { samplePayment } from "./output-samples";
import { optionalNumber, optionalText, parseStepInput, requiredDate, requiredNumber } from "./step-input";

const fields: FieldSpec[] = [
  {
    name: "InvoiceID",
    label: "Xero invoice ID",
    type: "string",
    help: "The invoice or bill being paid, e.g. {{steps.invoice.InvoiceID}}. Leave empty to use the invoice number.",
  },
  {
    name: "InvoiceNumber",
    label: "Invoice number",
    type: "string",
    help: "Used when no invoice ID is given, e.g. INV-0042. The invoice must be approved (not a draft).",
  },
  {
    name: "AccountCode",
    label: "Paid into / from account",
    type: "select",
    help: "The bank account (or other account that accepts payments) the money went into or came out of.",
    options: { loader: "xero.accounts.payment" },
  },
  {
    name: "AccountID",
    label: "Xero account ID",
    type: "string",
    help: "Alternative to choosing the account above: its Xero ID.",
  },
  {
    name: "Amount",
    label: "Amount",
    type: "number",
    required: true,
    help: "Amount paid, in the invoice's currency; at most the amount still due.",
  },
  { name: "Date", label: "Payment date", type: "date", required: true, help: "The date the money moved." },
  {
    name: "Reference",
    label: "Reference",
    type: "string",
    help: "Shown on the payment, e.g. the bank or card transaction id.",
  },
  {
    name: "CurrencyRate",
    label: "Exchange rate",
    type: "number",
    help: "Only for foreign-currency invoices: units of the invoice's currency per one unit of your base currency. Leave empty to use Xero's rate.",
  },
];

const inputSchema = z
  .object({
    InvoiceID: optionalText,
    InvoiceNumber: optionalText,
    AccountCode: optionalText,
    AccountID: optionalText,
    Amount: requiredNumber.refine((amount) => amount > 0, "must be more than zero"),
    Date: requiredDate,
    Reference: optionalText,
    CurrencyRate: optionalNumber,
  })
  .refine((input) => input.InvoiceID || input.InvoiceNumber, {
    path: ["InvoiceID"],
    message: "give the invoice's ID or its number",
  })
  .refine((input) => input.AccountCode || input.AccountID, {
    path: ["AccountCode"],
    message: "choose the account the payment goes through",
  });

export const createPayment = defineXeroAction<Record<string, unknown>, XeroRecord>({
  key: "xero.createPayment",
  kind: "action",
  group: "Payments",
  title: "Record payment",
  writes: { noun: "payment", verb: "creates" },
  description: "Records a payment against an approved sales invoice or bill, reducing the amount due.",
  fields,
  outputSample: samplePayment,
  scopes: { classic: ["accounting.transactions"], granular: ["accounting.payments"] },
  async run(ctx, rawInput) {
    const input = parseStepInput(inputSchema, rawInput, fields);
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
      { operation: "record the payment", signal: ctx.signal, fields },
    );
    return savedRecord(body, "Payments", { operation: "record the payment", fields });
  },
});
