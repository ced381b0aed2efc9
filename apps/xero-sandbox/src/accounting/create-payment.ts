import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Saved } from "./batch-write";
import { decimalInput, guidInput, optionalText } from "./input-fields";
import { roundMoney } from "./invoice-totals";
import type { OrganisationBooks, PaymentRecord } from "./ledger-types";
import { findInvoice } from "./save-invoice";
import { stampUpdate } from "./stamp-update";
import { parseDocumentDate, todayMsDate } from "./xero-dates";
import { XeroValidationError } from "./xero-errors";

export const paymentInputSchema = z.object({
  Invoice: z.object({ InvoiceID: guidInput.optional(), InvoiceNumber: optionalText() }).optional(),
  InvoiceNumber: optionalText(),
  Account: z.object({ AccountID: guidInput.optional(), Code: optionalText() }).optional(),
  Code: optionalText(),
  Date: z.string().nullish(),
  Amount: decimalInput.optional(),
  CurrencyRate: decimalInput.optional(),
  Reference: optionalText(255),
  IsReconciled: z.boolean().optional(),
});

export type PaymentInput = z.infer<typeof paymentInputSchema>;

function findPaymentAccount(books: OrganisationBooks, input: PaymentInput) {
  const code = input.Account?.Code ?? input.Code;
  const accountId = input.Account?.AccountID;
  if (!code && !accountId) throw new XeroValidationError(["An Account must be specified for a payment."]);
  const account = books.accounts.find((candidate) =>
    accountId ? candidate.AccountID === accountId : candidate.Code === code,
  );
  if (account?.Status !== "ACTIVE") {
    throw new XeroValidationError([`Account code '${code ?? accountId}' is not a valid code for this document.`]);
  }
  if (account.Type !== "BANK" && !account.EnablePaymentsToAccount) {
    throw new XeroValidationError(["Account type is invalid for making a payment to/from"]);
  }
  return account;
}

/**
 * Applies a payment to an AUTHORISED invoice: the invoice's AmountDue falls, AmountPaid rises and
 * it becomes PAID once settled. Refuses draft or submitted invoices, over-payments and accounts
 * that take no payments, with Xero's messages.
 */
export function createPayment(books: OrganisationBooks, input: PaymentInput, now = new Date()): Saved<PaymentRecord> {
  const reference = input.Invoice?.InvoiceID ?? input.Invoice?.InvoiceNumber ?? input.InvoiceNumber;
  if (!reference) throw new XeroValidationError(["An Invoice or Credit Note must be specified for a payment."]);
  const found = findInvoice(books, reference);
  if (!found) throw new XeroValidationError([`Invoice ${reference} could not be found.`]);
  // Records are replaced, never changed in place: the ledger's draft shares them with the live books.
  const invoice = { ...found, Payments: [...found.Payments] };
  const account = findPaymentAccount(books, input);
  if (invoice.Status !== "AUTHORISED") {
    throw new XeroValidationError(["Invoice not of valid status for creation of a payment"]);
  }
  const amount = input.Amount === undefined ? undefined : roundMoney(input.Amount);
  if (amount === undefined || amount <= 0) throw new XeroValidationError(["Payment amount must be greater than zero."]);
  if (amount > invoice.AmountDue) {
    throw new XeroValidationError(["Payment amount exceeds the amount outstanding on this document"]);
  }
  const date = input.Date ? parseDocumentDate(input.Date, "Date") : todayMsDate(now);
  const payment: PaymentRecord = {
    PaymentID: randomUUID(),
    Date: date,
    Amount: amount,
    BankAmount: amount,
    CurrencyRate: input.CurrencyRate ?? invoice.CurrencyRate,
    IsReconciled: input.IsReconciled ?? false,
    Status: "AUTHORISED",
    PaymentType: invoice.Type === "ACCREC" ? "ACCRECPAYMENT" : "ACCPAYPAYMENT",
    Account: { AccountID: account.AccountID, Code: account.Code },
    Invoice: {
      InvoiceID: invoice.InvoiceID,
      InvoiceNumber: invoice.InvoiceNumber,
      Type: invoice.Type,
      Contact: invoice.Contact,
    },
    HasAccount: true,
    HasValidationErrors: false,
    UpdatedDateUTC: stampUpdate(books, now),
  };
  if (input.Reference) payment.Reference = input.Reference;
  books.payments.push(payment);

  invoice.AmountPaid = roundMoney(invoice.AmountPaid + amount);
  invoice.AmountDue = roundMoney(invoice.Total - invoice.AmountPaid);
  invoice.Payments.push({
    PaymentID: payment.PaymentID,
    Date: date,
    Amount: amount,
    CurrencyRate: payment.CurrencyRate,
    HasAccount: false,
    HasValidationErrors: false,
    ...(payment.Reference ? { Reference: payment.Reference } : {}),
  });
  if (invoice.AmountDue === 0) {
    invoice.Status = "PAID";
    invoice.FullyPaidOnDate = date;
  }
  invoice.UpdatedDateUTC = stampUpdate(books, now);
  books.invoices[books.invoices.indexOf(found)] = invoice;
  return {
    record: payment,
    changes: [{ resource: "INVOICE", resourceId: invoice.InvoiceID, eventType: "UPDATE" }],
  };
}
