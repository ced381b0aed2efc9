import { field, fieldSpecs } from "@ledgerflow/engine";
import { sampleInvoice } from "../catalog/output-samples";
import { xeroInstantTrigger } from "./xero-instant-trigger";

/**
 * "Any change" of a kind of record, with the kind and the event type as settings: the general form
 * of the triggers above, and what flows saved before them (`xero.event`) keep using.
 */
export const xeroEventTrigger = xeroInstantTrigger({
  key: "xero.event",
  title: "Any change to invoices or contacts",
  description: "Runs when a contact, an invoice or a credit note is created or updated, as you choose.",
  group: "Any change",
  category: "INVOICE",
  eventTypes: ["CREATE", "UPDATE"],
  sampleRecord: sampleInvoice,
  fields: fieldSpecs({
    eventCategory: field.select({
      label: "Record",
      required: true,
      options: {
        static: [
          { value: "INVOICE", label: "Invoice or bill" },
          { value: "CONTACT", label: "Contact" },
          { value: "CREDITNOTE", label: "Credit note" },
        ],
      },
    }),
    eventType: field.select({
      label: "When it is",
      required: true,
      options: {
        static: [
          { value: "CREATE", label: "Created" },
          { value: "UPDATE", label: "Updated" },
        ],
      },
    }),
  }),
  acceptsInput: (event, input) =>
    event.payload.eventCategory === input.eventCategory && event.payload.eventType === input.eventType,
});
