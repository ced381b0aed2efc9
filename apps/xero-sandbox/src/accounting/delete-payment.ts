import { z } from "zod";
import type { Saved } from "./batch-write";
import { roundMoney } from "./invoice-totals";
import type { OrganisationBooks, PaymentRecord } from "./ledger-types";
import { stampUpdate } from "./stamp-update";
import { XeroNotFoundError, XeroValidationError } from "./xero-errors";

/** Xero's `PaymentDelete`: payments cannot be edited, only deleted. */
export const paymentDeleteInputSchema = z.object({
  Status: z.literal("DELETED", { error: "Status must be DELETED: a payment can only be deleted" }),
});

/**
 * POST /Payments/{PaymentID} with `Status: DELETED`: takes the payment off its invoice, which owes
 * the amount again (a PAID invoice goes back to AUTHORISED).
 */
export function deletePayment(books: OrganisationBooks, paymentId: string, now = new Date()): Saved<PaymentRecord> {
  const index = books.payments.findIndex((payment) => payment.PaymentID === paymentId.toLowerCase());
  const payment = books.payments[index];
  if (!payment) throw new XeroNotFoundError();
  if (payment.Status === "DELETED") throw new XeroValidationError(["This payment has already been deleted."]);
  const deleted: PaymentRecord = { ...payment, Status: "DELETED", UpdatedDateUTC: stampUpdate(books, now) };
  books.payments[index] = deleted;

  const invoiceIndex = books.invoices.findIndex((invoice) => invoice.InvoiceID === payment.Invoice.InvoiceID);
  const invoice = books.invoices[invoiceIndex]!;
  const amountPaid = roundMoney(invoice.AmountPaid - payment.Amount);
  const { FullyPaidOnDate: _paidOn, ...unpaid } = invoice;
  // Records are replaced, never changed in place: the ledger's draft shares them with the live books.
  books.invoices[invoiceIndex] = {
    ...unpaid,
    AmountPaid: amountPaid,
    AmountDue: roundMoney(invoice.Total - amountPaid),
    Status: invoice.Status === "PAID" ? "AUTHORISED" : invoice.Status,
    Payments: invoice.Payments.filter((entry) => entry.PaymentID !== payment.PaymentID),
    UpdatedDateUTC: stampUpdate(books, now),
  };
  return { record: deleted, changes: [{ resource: "INVOICE", resourceId: invoice.InvoiceID, eventType: "UPDATE" }] };
}
