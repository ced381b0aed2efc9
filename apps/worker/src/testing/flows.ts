import type { FlowDefinition } from "@ledgerflow/engine";

/** Order paid → find or create the customer → invoice with one line per ordered item. */
export function orderToInvoiceFlow(connectionId: string): FlowDefinition {
  return {
    schemaVersion: 2,
    trigger: { type: "webhook", config: {} },
    steps: [
      {
        key: "customer",
        action: "xero.findOrCreateContact",
        connectionId,
        input: {
          matchBy: "Name",
          Name: "{{trigger.body.customer.name}}",
          EmailAddress: "{{trigger.body.customer.email}}",
        },
      },
      {
        key: "invoice",
        action: "xero.createInvoice",
        connectionId,
        input: {
          ContactID: "{{steps.customer.ContactID}}",
          Reference: "Order {{trigger.body.orderId}}",
          Status: "AUTHORISED",
          LineAmountTypes: "Exclusive",
          DueDate: "{{trigger.body.dueDate}}",
          LineItems: {
            $each: "{{trigger.body.lines}}",
            as: "line",
            map: {
              Description: "{{line.name}}",
              Quantity: "{{line.qty}}",
              UnitAmount: "{{line.price}}",
              AccountCode: "200",
              TaxType: "OUTPUT2",
            },
          },
        },
      },
    ],
  } as FlowDefinition;
}

/** The same order flow, paid at once: the invoice's amount due becomes a payment into account 090. */
export function orderInvoicePaymentFlow(connectionId: string): FlowDefinition {
  const flow = orderToInvoiceFlow(connectionId);
  return {
    ...flow,
    steps: [
      ...flow.steps,
      {
        key: "payment",
        action: "xero.createPayment",
        connectionId,
        input: {
          InvoiceID: "{{steps.invoice.InvoiceID}}",
          AccountCode: "090",
          Amount: "{{steps.invoice.AmountDue}}",
          Date: "2026-11-24",
          Reference: "Order {{trigger.body.orderId}}",
        },
      },
    ],
  } as FlowDefinition;
}

export function orderPayload(orderId: string, overrides: Record<string, unknown> = {}) {
  return {
    orderId,
    dueDate: "2026-12-31",
    customer: { name: `Customer ${orderId}`, email: `${orderId.toLowerCase()}@example.test` },
    lines: [
      { name: "Blue mug", qty: 2, price: 12.5 },
      { name: "Tea towel", qty: 1, price: 8 },
    ],
    ...overrides,
  };
}

/** Manual trigger → invoice (status from the event) → full payment → the customer's contact updated. */
export function invoicePaymentFlow(connectionId: string): FlowDefinition {
  return {
    schemaVersion: 2,
    trigger: { type: "manual", config: {} },
    steps: [
      {
        key: "invoice",
        action: "xero.createInvoice",
        connectionId,
        input: {
          ContactName: "{{trigger.body.customer}}",
          Reference: "{{trigger.body.reference}}",
          Status: "{{trigger.body.status}}",
          LineAmountTypes: "NoTax",
          DueDate: "2026-12-31",
          LineItems: [
            { Description: "Consulting", Quantity: 1, UnitAmount: "{{trigger.body.amount}}", AccountCode: "200" },
          ],
        },
      },
      {
        key: "payment",
        action: "xero.createPayment",
        connectionId,
        input: {
          InvoiceID: "{{steps.invoice.InvoiceID}}",
          AccountCode: "090",
          Amount: "{{steps.invoice.AmountDue}}",
          Date: "2026-11-24",
          Reference: "{{trigger.body.reference}}",
        },
      },
      {
        key: "contact",
        action: "xero.upsertContact",
        connectionId,
        input: { Name: "{{trigger.body.customer}}", AccountNumber: "{{trigger.body.reference}}" },
      },
    ],
  } as FlowDefinition;
}

/** A webhook flow with one harmless read: for tests about ingress rather than about Xero writes. */
export function readOnlyWebhookFlow(connectionId: string): FlowDefinition {
  return {
    schemaVersion: 2,
    trigger: { type: "webhook", config: {} },
    steps: [{ key: "tracking", action: "xero.getTrackingCategories", connectionId, input: {} }],
  } as FlowDefinition;
}

/**
 * One write per event: upsert a contact named by `trigger.body.name`, with `batch` as its
 * AccountNumber so a test can find every contact its events made (and spot a duplicate).
 */
export function batchContactFlow(
  connectionId: string,
  batch: string,
  trigger: "webhook" | "manual" = "webhook",
): FlowDefinition {
  return {
    schemaVersion: 2,
    trigger: { type: trigger, config: {} },
    steps: [
      {
        key: "contact",
        action: "xero.upsertContact",
        connectionId,
        input: { Name: "{{trigger.body.name}}", AccountNumber: batch },
      },
    ],
  } as FlowDefinition;
}
