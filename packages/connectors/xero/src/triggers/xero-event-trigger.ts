import type { TriggerDefinition } from "@ledgerflow/engine";

/**
 * "When something changes in Xero": Xero's webhooks report contacts and invoices created or updated
 * in an organisation. Declared here so the editor and the publish check know it; receiving Xero's
 * signed deliveries is the Xero-triggers issue's work.
 */
export const xeroEventTrigger: TriggerDefinition = {
  key: "xero.event",
  title: "Xero event",
  description: "Runs when a contact or an invoice is created or updated in a Xero organisation.",
  fields: [
    {
      name: "eventCategory",
      label: "Record",
      type: "select",
      required: true,
      options: {
        static: [
          { value: "INVOICE", label: "Invoice" },
          { value: "CONTACT", label: "Contact" },
        ],
      },
    },
    {
      name: "eventType",
      label: "When it is",
      type: "select",
      required: true,
      options: {
        static: [
          { value: "CREATE", label: "Created" },
          { value: "UPDATE", label: "Updated" },
        ],
      },
    },
  ],
  sample: {
    resourceId: "d2e63d2e-6ab8-4e1d-8a0b-3f3bbf1f0b4c",
    tenantId: "8d4a8a1e-24b1-4a54-9a5f-2f2f2f2f2f2f",
    eventCategory: "INVOICE",
    eventType: "UPDATE",
    eventDateUtc: "2026-12-01T09:30:00.000",
  },
};
