import type { XeroCall } from "../../call-xero";
import type { XeroClientContext } from "../../xero-client-context";
import { type XeroEventCategory, xeroEventResources } from "../xero-event-resources";

// The Xero lists the triggers poll, each through its xero-node call: records changed since a time
// (the If-Modified-Since header), in an order, a page at a time where Xero pages the list.

/** Xero pages these lists by 100 records; a shorter page is the last. */
export const XERO_PAGE_SIZE = 100;

export interface ListQuery {
  /** Sent as If-Modified-Since: records created or changed at or after it. */
  since?: Date;
  where?: string;
  order: string;
  page?: number;
  /** Records a page (Xero's default and most: 100); "Load a recent record" asks for one. */
  pageSize?: number;
}

type Accounting = XeroClientContext["accounting"];

export interface XeroListResource {
  /** The event category a change of this record stands for: Xero's webhook word where it has one. */
  category: string;
  /** Xero's collection in bodies: `{ Payments: [...] }`. */
  collection: string;
  idField: string;
  /** What the flow remembers of a record between its sightings, so triggers can say "became". */
  stateFields: readonly string[];
  /** What the record is, in error messages: "payment". */
  noun: string;
  /** What the run history names the record by, the first one set ("Invoice.InvoiceNumber": a path). */
  nameFields: readonly string[];
  /** Whether the list is paged (Items is not: one answer holds every item). */
  paged: boolean;
  /** Whether the list takes Xero's `where` (Quotes and PurchaseOrders do not). */
  filterable: boolean;
  list(api: Accounting, tenantId: string, query: ListQuery): ReturnType<XeroCall>;
}

export type XeroPolledCategory =
  | XeroEventCategory
  | "PAYMENT"
  | "BANKTRANSACTION"
  | "QUOTE"
  | "PURCHASEORDER"
  | "MANUALJOURNAL"
  | "ITEM";

/** The webhook categories keep their collection, id and remembered state (xero-event-resources.ts). */
function pushed(category: XeroEventCategory, list: XeroListResource["list"]): XeroListResource {
  const { collection, idField, stateFields, noun, nameField } = xeroEventResources[category];
  return {
    category,
    collection,
    idField,
    stateFields,
    noun,
    nameFields: [nameField],
    paged: true,
    filterable: true,
    list,
  };
}

export const xeroListResources: Record<XeroPolledCategory, XeroListResource> = {
  INVOICE: pushed("INVOICE", (api, tenantId, q) =>
    api.getInvoices(
      tenantId,
      q.since,
      q.where,
      q.order,
      undefined,
      undefined,
      undefined,
      undefined,
      q.page,
      undefined,
      undefined,
      undefined,
      undefined,
      q.pageSize ?? XERO_PAGE_SIZE,
    ),
  ),
  // Archived contacts too: archiving is a change Xero's webhooks report.
  CONTACT: pushed("CONTACT", (api, tenantId, q) =>
    api.getContacts(
      tenantId,
      q.since,
      q.where,
      q.order,
      undefined,
      q.page,
      true,
      undefined,
      undefined,
      q.pageSize ?? XERO_PAGE_SIZE,
    ),
  ),
  CREDITNOTE: pushed("CREDITNOTE", (api, tenantId, q) =>
    api.getCreditNotes(tenantId, q.since, q.where, q.order, q.page, undefined, q.pageSize ?? XERO_PAGE_SIZE),
  ),
  PAYMENT: {
    category: "PAYMENT",
    collection: "Payments",
    idField: "PaymentID",
    stateFields: ["Status"],
    noun: "payment",
    nameFields: ["Invoice.InvoiceNumber", "CreditNote.CreditNoteNumber", "Reference"],
    paged: true,
    filterable: true,
    list: (api, tenantId, q) =>
      api.getPayments(tenantId, q.since, q.where, q.order, q.page, q.pageSize ?? XERO_PAGE_SIZE),
  },
  BANKTRANSACTION: {
    category: "BANKTRANSACTION",
    collection: "BankTransactions",
    idField: "BankTransactionID",
    stateFields: ["Status"],
    noun: "bank transaction",
    nameFields: ["Reference", "Contact.Name"],
    paged: true,
    filterable: true,
    list: (api, tenantId, q) =>
      api.getBankTransactions(tenantId, q.since, q.where, q.order, q.page, undefined, q.pageSize ?? XERO_PAGE_SIZE),
  },
  QUOTE: {
    category: "QUOTE",
    collection: "Quotes",
    idField: "QuoteID",
    stateFields: ["Status"],
    noun: "quote",
    nameFields: ["QuoteNumber"],
    paged: true,
    filterable: false,
    // getQuotes takes no page size: Xero pages quotes by 100.
    list: (api, tenantId, q) =>
      api.getQuotes(
        tenantId,
        q.since,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        q.page,
        q.order,
      ),
  },
  PURCHASEORDER: {
    category: "PURCHASEORDER",
    collection: "PurchaseOrders",
    idField: "PurchaseOrderID",
    stateFields: ["Status"],
    noun: "purchase order",
    nameFields: ["PurchaseOrderNumber"],
    paged: true,
    filterable: false,
    list: (api, tenantId, q) =>
      api.getPurchaseOrders(
        tenantId,
        q.since,
        undefined,
        undefined,
        undefined,
        q.order,
        q.page,
        q.pageSize ?? XERO_PAGE_SIZE,
      ),
  },
  MANUALJOURNAL: {
    category: "MANUALJOURNAL",
    collection: "ManualJournals",
    idField: "ManualJournalID",
    stateFields: ["Status"],
    noun: "manual journal",
    nameFields: ["Narration"],
    paged: true,
    filterable: true,
    list: (api, tenantId, q) =>
      api.getManualJournals(tenantId, q.since, q.where, q.order, q.page, q.pageSize ?? XERO_PAGE_SIZE),
  },
  ITEM: {
    category: "ITEM",
    collection: "Items",
    idField: "ItemID",
    stateFields: [],
    noun: "item",
    nameFields: ["Code", "Name"],
    paged: false,
    filterable: true,
    list: (api, tenantId, q) => api.getItems(tenantId, q.since, q.where, q.order),
  },
};
