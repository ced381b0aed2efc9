import type { AccountingRoute } from "./accounting-route";
import { batchWriteRoutes, failedElement, writeRoute } from "./batch-write-routes";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import type { InvoiceRecord } from "./ledger-types";
import { answerList, type ListQuery } from "./list-query";
import { createInvoice, findInvoice, invoiceInputSchema, updateInvoice, upsertInvoice } from "./save-invoice";
import { XeroNotFoundError } from "./xero-errors";

const INVOICE_FIELDS = [
  "InvoiceID",
  "InvoiceNumber",
  "Type",
  "Status",
  "Reference",
  "Date",
  "DueDate",
  "CurrencyCode",
  "Total",
  "AmountDue",
  "AmountPaid",
  "UpdatedDateUTC",
  "Contact.ContactID",
  "Contact.Name",
];

const unitDecimals = (query: Record<string, unknown>) => (String(query.unitdp) === "4" ? 4 : 2);

const failedInvoice = failedElement("HasErrors");

/** Xero's own list filters of invoices: `Statuses`, `InvoiceNumbers`, `ContactIDs`. */
function narrowInvoices(all: readonly InvoiceRecord[], query: ListQuery): readonly InvoiceRecord[] {
  let invoices = all;
  const statuses = query.Statuses?.map((status) => status.toUpperCase());
  if (statuses?.length) invoices = invoices.filter((invoice) => statuses.includes(invoice.Status));
  if (query.InvoiceNumbers?.length)
    invoices = invoices.filter((invoice) => query.InvoiceNumbers!.includes(invoice.InvoiceNumber));
  const contactIds = query.ContactIDs?.map((id) => id.toLowerCase());
  if (contactIds?.length) invoices = invoices.filter((invoice) => contactIds.includes(invoice.Contact.ContactID));
  return invoices;
}

export const invoicesRoutes: AccountingRoute[] = [
  {
    method: "GET",
    url: "/Invoices",
    scopes: ENDPOINT_SCOPES.invoicesRead,
    handle: (call) =>
      answerList(call, call.books.invoices, {
        key: "Invoices",
        typeName: "Invoice",
        fields: INVOICE_FIELDS,
        idField: "InvoiceID",
        paged: true,
        narrow: narrowInvoices,
      }),
  },
  {
    method: "GET",
    url: "/Invoices/:InvoiceID",
    scopes: ENDPOINT_SCOPES.invoicesRead,
    handle: ({ books, params }) => {
      const invoice = findInvoice(books, params.InvoiceID!);
      if (!invoice) throw new XeroNotFoundError();
      return { status: 200, body: { Invoices: [invoice] } };
    },
  },
  ...batchWriteRoutes({
    url: "/Invoices",
    scopes: ENDPOINT_SCOPES.invoicesWrite,
    schema: invoiceInputSchema,
    failed: failedInvoice,
    create: (books, input, { query }) => createInvoice(books, input, { unitDecimals: unitDecimals(query) }),
    upsert: (books, input, { query }) => upsertInvoice(books, input, { unitDecimals: unitDecimals(query) }),
  }),
  writeRoute({
    method: "POST",
    url: "/Invoices/:InvoiceID",
    scopes: ENDPOINT_SCOPES.invoicesWrite,
    key: "Invoices",
    elements: "first",
    schema: invoiceInputSchema,
    failed: failedInvoice,
    save: (books, input, { params, query }) =>
      updateInvoice(books, params.InvoiceID!, input, { unitDecimals: unitDecimals(query) }),
  }),
];
