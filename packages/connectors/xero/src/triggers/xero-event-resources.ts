import type { XeroBody, XeroCall } from "../call-xero";
import type { XeroClientContext } from "../xero-client-context";

// The records Xero's webhooks report on (xero-webhooks.yaml › eventCategory), and how each is
// fetched: a webhook says only *that* something changed, so every run's record is loaded from Xero.

export type XeroEventCategory = "INVOICE" | "CONTACT" | "CREDITNOTE";

interface EventResource {
  /** Xero's collection in bodies: `{ Invoices: [...] }`. */
  collection: string;
  /** The record's id field. */
  idField: string;
  /** What a bookkeeper calls the record by: its number, or a contact's name. */
  nameField: string;
  /** What is remembered between events so triggers can say "became". */
  stateFields: readonly string[];
  /** What the record is, in error messages: "load the invoice". */
  noun: string;
  get(accounting: XeroClientContext["accounting"], tenantId: string, id: string): ReturnType<XeroCall>;
}

export const xeroEventResources: Record<XeroEventCategory, EventResource> = {
  INVOICE: {
    collection: "Invoices",
    idField: "InvoiceID",
    nameField: "InvoiceNumber",
    stateFields: ["Status"],
    noun: "invoice",
    get: (api, tenantId, id) => api.getInvoice(tenantId, id),
  },
  CONTACT: {
    collection: "Contacts",
    idField: "ContactID",
    nameField: "Name",
    stateFields: ["ContactStatus"],
    noun: "contact",
    get: (api, tenantId, id) => api.getContact(tenantId, id),
  },
  CREDITNOTE: {
    collection: "CreditNotes",
    idField: "CreditNoteID",
    nameField: "CreditNoteNumber",
    stateFields: ["Status"],
    noun: "credit note",
    get: (api, tenantId, id) => api.getCreditNote(tenantId, id),
  },
};

export function isXeroEventCategory(value: unknown): value is XeroEventCategory {
  return typeof value === "string" && Object.hasOwn(xeroEventResources, value);
}

/** The first record of a list or single-record answer (`{ Invoices: [{…}] }`). */
export function firstRecord(body: XeroBody, collection: string): Record<string, unknown> | null {
  const records = body[collection];
  return Array.isArray(records) && records.length > 0 ? (records[0] as Record<string, unknown>) : null;
}
