import type { AccountingRoute } from "./accounting-route";
import { batchElements, validationErrors, writeBatch } from "./batch-write";
import { createPayment, paymentInputSchema } from "./create-payment";
import { deletePayment, paymentDeleteInputSchema } from "./delete-payment";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import { listRecords, parseListQuery } from "./list-query";
import { writeAnswer } from "./write-answer";
import { XeroNotFoundError } from "./xero-errors";

const PAYMENT_FIELDS = [
  "PaymentID",
  "Status",
  "PaymentType",
  "Date",
  "Amount",
  "Reference",
  "IsReconciled",
  "UpdatedDateUTC",
  "Invoice.InvoiceID",
  "Invoice.InvoiceNumber",
  "Invoice.Contact.ContactID",
  "Account.AccountID",
  "Account.Code",
];

const failedPayment = (input: object, messages: string[]) => ({
  ...input,
  HasValidationErrors: true,
  ValidationErrors: validationErrors(messages),
});

export const paymentsRoutes: AccountingRoute[] = [
  {
    method: "GET",
    url: "/Payments",
    scopes: ENDPOINT_SCOPES.paymentsRead,
    handle: ({ books, query }) => {
      const { items, pagination } = listRecords(books.payments, parseListQuery(query), {
        typeName: "Payment",
        fields: PAYMENT_FIELDS,
        paged: true,
      });
      return { status: 200, body: pagination ? { pagination, Payments: items } : { Payments: items } };
    },
  },
  {
    method: "GET",
    url: "/Payments/:PaymentID",
    scopes: ENDPOINT_SCOPES.paymentsRead,
    handle: ({ books, params }) => {
      const payment = books.payments.find((candidate) => candidate.PaymentID === params.PaymentID!.toLowerCase());
      if (!payment) throw new XeroNotFoundError();
      return { status: 200, body: { Payments: [payment] } };
    },
  },
  {
    method: "PUT",
    url: "/Payments",
    scopes: ENDPOINT_SCOPES.paymentsWrite,
    handle: ({ ledger, tenantId, body, summarizeErrors }) =>
      writeAnswer(
        writeBatch(ledger, tenantId, batchElements(body, "Payments"), {
          schema: paymentInputSchema,
          save: (books, input) => createPayment(books, input),
          failed: failedPayment,
          summarizeErrors,
        }),
        "Payments",
      ),
  },
  {
    // createPayment: one Payment object as the body, answered as a Payments list.
    method: "POST",
    url: "/Payments",
    scopes: ENDPOINT_SCOPES.paymentsWrite,
    handle: ({ ledger, tenantId, body }) =>
      writeAnswer(
        writeBatch(ledger, tenantId, [body], {
          schema: paymentInputSchema,
          save: (books, input) => createPayment(books, input),
          failed: failedPayment,
          summarizeErrors: true,
        }),
        "Payments",
      ),
  },
  {
    // deletePayment: payments are never edited, only deleted (`{ "Status": "DELETED" }`).
    method: "POST",
    url: "/Payments/:PaymentID",
    scopes: ENDPOINT_SCOPES.paymentsWrite,
    handle: ({ ledger, tenantId, body, params }) =>
      writeAnswer(
        writeBatch(ledger, tenantId, batchElements(body, "Payments").slice(0, 1), {
          schema: paymentDeleteInputSchema,
          save: (books) => deletePayment(books, params.PaymentID!),
          failed: failedPayment,
          summarizeErrors: true,
        }),
        "Payments",
      ),
  },
];
