import type { AccountingRoute } from "./accounting-route";
import { failedElement, writeRoute } from "./batch-write-routes";
import { createPayment, paymentInputSchema } from "./create-payment";
import { deletePayment, paymentDeleteInputSchema } from "./delete-payment";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import { answerList } from "./list-query";
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

const failedPayment = failedElement("HasValidationErrors");

export const paymentsRoutes: AccountingRoute[] = [
  {
    method: "GET",
    url: "/Payments",
    scopes: ENDPOINT_SCOPES.paymentsRead,
    handle: (call) =>
      answerList(call, call.books.payments, {
        key: "Payments",
        typeName: "Payment",
        fields: PAYMENT_FIELDS,
        paged: true,
      }),
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
  writeRoute({
    method: "PUT",
    url: "/Payments",
    scopes: ENDPOINT_SCOPES.paymentsWrite,
    key: "Payments",
    elements: "batch",
    schema: paymentInputSchema,
    failed: failedPayment,
    save: (books, input) => createPayment(books, input),
  }),
  // createPayment: one Payment object as the body, answered as a Payments list.
  writeRoute({
    method: "POST",
    url: "/Payments",
    scopes: ENDPOINT_SCOPES.paymentsWrite,
    key: "Payments",
    elements: "body",
    schema: paymentInputSchema,
    failed: failedPayment,
    save: (books, input) => createPayment(books, input),
  }),
  // deletePayment: payments are never edited, only deleted (`{ "Status": "DELETED" }`).
  writeRoute({
    method: "POST",
    url: "/Payments/:PaymentID",
    scopes: ENDPOINT_SCOPES.paymentsWrite,
    key: "Payments",
    elements: "first",
    schema: paymentDeleteInputSchema,
    failed: failedPayment,
    save: (books, _input, { params }) => deletePayment(books, params.PaymentID!),
  }),
];
