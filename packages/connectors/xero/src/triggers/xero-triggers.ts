import type { RecordState, TriggerDefinition, TriggerFiresArgs } from "@ledgerflow/engine";
import { sampleContact, sampleInvoice } from "../catalog/output-samples";
import type { XeroClientContext } from "../xero-client-context";
import { xeroPollingTriggers } from "./polling/xero-polling-triggers";
import { sampleCreditNote } from "./sample-credit-note";
import { xeroEventTrigger } from "./xero-event-trigger";
import { xeroInstantTrigger } from "./xero-instant-trigger";

// The Xero triggers in the editor's order, in Xero's words. Xero's webhooks say only "an invoice was
// created / updated"; the rules below turn that into what a bookkeeper means, using the invoice's
// status remembered from its previous event (the runtime keeps it per connection). The instant
// triggers come first, then the polled ones.

const status = (state: RecordState | Record<string, unknown> | null) => (state?.Status ?? null) as string | null;

/** Before approval an invoice is a DRAFT or awaiting approval (SUBMITTED). */
const BEFORE_APPROVAL = new Set(["DRAFT", "SUBMITTED"]);

/**
 * Approved: AUTHORISED now (or already PAID) and not approved before. A record seen for the first
 * time counts when it is AUTHORISED, or when it was created in this event (created approved, or
 * approved and paid before its first event reached us); an older invoice first seen paid does not.
 */
function becameApproved({ event, record, previous }: TriggerFiresArgs): boolean {
  const now = status(record);
  if (now !== "AUTHORISED" && now !== "PAID") return false;
  if (previous) return BEFORE_APPROVAL.has(status(previous) ?? "");
  return now === "AUTHORISED" || event.payload.eventType === "CREATE";
}

/** Paid: PAID now and not at the previous event (a first sighting counts: Xero says something changed). */
function becamePaid({ record, previous }: TriggerFiresArgs): boolean {
  return status(record) === "PAID" && status(previous) !== "PAID";
}

const SALES = "Sales invoices";
const BILLS = "Bills";
const CONTACTS = "Contacts";

export const xeroTriggers: readonly TriggerDefinition<XeroClientContext>[] = [
  xeroInstantTrigger({
    key: "xero.invoice.created",
    title: "New sales invoice",
    description: "Runs when a sales invoice is created in the organisation, whatever its status.",
    group: SALES,
    category: "INVOICE",
    eventTypes: ["CREATE"],
    recordType: "ACCREC",
    recentWhere: 'Type=="ACCREC"',
    sampleRecord: { ...sampleInvoice, Status: "DRAFT" },
  }),
  xeroInstantTrigger({
    key: "xero.invoice.updated",
    title: "Sales invoice updated",
    description: "Runs when a sales invoice is changed: edited, approved, paid or voided.",
    group: SALES,
    category: "INVOICE",
    eventTypes: ["UPDATE"],
    recordType: "ACCREC",
    recentWhere: 'Type=="ACCREC"',
    sampleRecord: sampleInvoice,
  }),
  xeroInstantTrigger({
    key: "xero.invoice.approved",
    title: "Invoice approved",
    description: "Runs once when a sales invoice becomes approved (status AUTHORISED).",
    group: SALES,
    category: "INVOICE",
    eventTypes: ["CREATE", "UPDATE"],
    recordType: "ACCREC",
    fires: becameApproved,
    recentWhere: 'Type=="ACCREC"&&Status=="AUTHORISED"',
    sampleRecord: sampleInvoice,
  }),
  xeroInstantTrigger({
    key: "xero.invoice.paid",
    title: "Invoice paid",
    description: "Runs once when a sales invoice becomes fully paid (status PAID).",
    group: SALES,
    category: "INVOICE",
    eventTypes: ["CREATE", "UPDATE"],
    recordType: "ACCREC",
    fires: becamePaid,
    recentWhere: 'Type=="ACCREC"&&Status=="PAID"',
    sampleRecord: { ...sampleInvoice, Status: "PAID", AmountDue: 0, AmountPaid: sampleInvoice.Total },
  }),
  xeroInstantTrigger({
    key: "xero.bill.created",
    title: "New bill",
    description: "Runs when a bill (a supplier's invoice) is created in the organisation.",
    group: BILLS,
    category: "INVOICE",
    eventTypes: ["CREATE"],
    recordType: "ACCPAY",
    recentWhere: 'Type=="ACCPAY"',
    sampleRecord: { ...sampleInvoice, Type: "ACCPAY", Status: "DRAFT", InvoiceNumber: "SUP-1187" },
  }),
  xeroInstantTrigger({
    key: "xero.bill.updated",
    title: "Bill updated",
    description: "Runs when a bill is changed: edited, approved, paid or voided.",
    group: BILLS,
    category: "INVOICE",
    eventTypes: ["UPDATE"],
    recordType: "ACCPAY",
    recentWhere: 'Type=="ACCPAY"',
    sampleRecord: { ...sampleInvoice, Type: "ACCPAY", InvoiceNumber: "SUP-1187" },
  }),
  xeroInstantTrigger({
    key: "xero.contact.created",
    title: "New contact",
    description: "Runs when a customer or supplier is added to the organisation.",
    group: CONTACTS,
    category: "CONTACT",
    eventTypes: ["CREATE"],
    sampleRecord: sampleContact,
  }),
  xeroInstantTrigger({
    key: "xero.contact.updated",
    title: "Contact updated",
    description: "Runs when a contact's details change, or it is archived.",
    group: CONTACTS,
    category: "CONTACT",
    eventTypes: ["UPDATE"],
    sampleRecord: sampleContact,
  }),
  xeroInstantTrigger({
    key: "xero.credit_note.created",
    title: "New credit note",
    description: "Runs when a credit note (sales or purchase) is created in the organisation.",
    group: "Credit notes",
    category: "CREDITNOTE",
    eventTypes: ["CREATE"],
    sampleRecord: sampleCreditNote,
  }),
  xeroEventTrigger,
  // What Xero's webhooks do not report (payments, quotes, overdue invoices…): polled.
  ...xeroPollingTriggers,
];
