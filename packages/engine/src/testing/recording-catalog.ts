// A tiny in-memory connector for the engine's tests: real ActionDefinitions whose `run` records each
// call (input, idempotency key, client) and writes to a map, the way a real connector writes to Xero.
import { type ActionDefinition, StepError } from "../action-definition";
import { createCatalog } from "../catalog";

export interface RecordedCall {
  action: string;
  input: Record<string, unknown>;
  idempotencyKey: string;
  client: unknown;
}

export interface FakeLedgerClient {
  organisation: string;
}

export function createRecordingCatalog() {
  const calls: RecordedCall[] = [];
  const contacts = new Map<string, { ContactID: string; Name: string; EmailAddress?: string }>();
  const invoicesByKey = new Map<string, { InvoiceID: string; Total: number }>();

  const record = (action: string, input: Record<string, unknown>, idempotencyKey: string, client: unknown) =>
    calls.push({ action, input, idempotencyKey, client });

  const findOrCreateContact: ActionDefinition<FakeLedgerClient> = {
    key: "test.findOrCreateContact",
    kind: "search",
    group: "Contacts",
    title: "Find or create contact",
    description: "Finds a contact by name, or creates it.",
    fields: [
      { name: "Name", label: "Contact name", type: "string", required: true },
      { name: "EmailAddress", label: "Email", type: "string" },
    ],
    outputSample: { ContactID: "00000000-0000-0000-0000-000000000000", Name: "Ana's Bakery", created: false },
    async run(ctx, input) {
      record("test.findOrCreateContact", input, ctx.idempotencyKey, ctx.client);
      const name = String(input.Name);
      const existing = contacts.get(name);
      if (existing) return { ...existing, created: false };
      const contact = {
        ContactID: `contact-${contacts.size + 1}`,
        Name: name,
        EmailAddress: input.EmailAddress as string,
      };
      contacts.set(name, contact);
      return { ...contact, created: true };
    },
  };

  const createInvoice: ActionDefinition<FakeLedgerClient> = {
    key: "test.createInvoice",
    kind: "action",
    group: "Invoices",
    title: "Create invoice",
    description: "Creates a sales invoice.",
    fields: [
      { name: "ContactID", label: "Contact", type: "string", required: true },
      { name: "DueDate", label: "Due date", type: "date" },
      {
        name: "LineItems",
        label: "Line items",
        type: "list",
        required: true,
        itemFields: [
          { name: "Description", label: "Description", type: "text" },
          { name: "Quantity", label: "Quantity", type: "number", default: 1 },
          { name: "UnitAmount", label: "Unit price", type: "number", required: true },
        ],
      },
    ],
    outputSample: { InvoiceID: "inv-sample", Total: 99.5, LineItems: [{ Description: "Bread", LineAmount: 9 }] },
    async run(ctx, input) {
      record("test.createInvoice", input, ctx.idempotencyKey, ctx.client);
      // Like Xero's Idempotency-Key: the same key returns the first result instead of a second invoice.
      const earlier = invoicesByKey.get(ctx.idempotencyKey);
      if (earlier) return earlier;
      const lines = input.LineItems as { Quantity: number; UnitAmount: number }[];
      const invoice = {
        InvoiceID: `invoice-${invoicesByKey.size + 1}`,
        Total: lines.reduce((sum, line) => sum + line.Quantity * line.UnitAmount, 0),
      };
      invoicesByKey.set(ctx.idempotencyKey, invoice);
      return invoice;
    },
  };

  const failing: ActionDefinition<FakeLedgerClient> = {
    key: "test.failing",
    kind: "action",
    group: "Testing",
    title: "Always fails",
    description: "Fails with a Xero-style validation error, or crashes when asked to.",
    fields: [{ name: "mode", label: "Mode", type: "string", required: true }],
    outputSample: {},
    async run(ctx, input) {
      record("test.failing", input, ctx.idempotencyKey, ctx.client);
      if (input.mode === "crash") throw new TypeError("Cannot read properties of undefined (secret=abc123)");
      throw new StepError("Account code '999' is not a valid code for this document.", {
        code: "xero_validation",
        retryable: input.mode === "retryable",
        field: "AccountCode",
      });
    },
  };

  const catalog = createCatalog([findOrCreateContact, createInvoice, failing]);
  return { catalog, calls, contacts, invoicesByKey };
}
