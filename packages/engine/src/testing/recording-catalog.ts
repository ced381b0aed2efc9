// A tiny in-memory connector for the engine's tests: real actions, declared with the field builders,
// whose `run` records each call (input, idempotency key, client) and writes to a map, the way a real
// connector writes to Xero.
import { type ActionContext, StepError } from "../action-definition";
import { createCatalog } from "../catalog";
import { defineAction } from "../fields/define-action";
import { field } from "../fields/field-builders";

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

  const findOrCreateContact = defineAction({
    key: "test.findOrCreateContact",
    kind: "search",
    group: "Contacts",
    title: "Find or create contact",
    description: "Finds a contact by name, or creates it.",
    fields: {
      Name: field.text({ label: "Contact name", required: true }),
      EmailAddress: field.text({ label: "Email" }),
    },
    outputSample: { ContactID: "00000000-0000-0000-0000-000000000000", Name: "Ana's Bakery", created: false },
    async run(ctx: ActionContext<FakeLedgerClient>, input) {
      record("test.findOrCreateContact", input, ctx.idempotencyKey, ctx.client);
      const existing = contacts.get(input.Name);
      if (existing) return { ...existing, created: false };
      const contact = { ContactID: `contact-${contacts.size + 1}`, Name: input.Name, EmailAddress: input.EmailAddress };
      contacts.set(input.Name, contact);
      return { ...contact, created: true };
    },
  });

  const createInvoice = defineAction({
    key: "test.createInvoice",
    kind: "action",
    group: "Invoices",
    title: "Create invoice",
    description: "Creates a sales invoice.",
    fields: {
      ContactID: field.text({ label: "Contact", required: true }),
      DueDate: field.date({ label: "Due date" }),
      LineItems: field.list({
        label: "Line items",
        required: true,
        item: {
          Description: field.longText({ label: "Description" }),
          Quantity: field.number({ label: "Quantity", default: 1 }),
          UnitAmount: field.number({ label: "Unit price", required: true }),
        },
      }),
    },
    outputSample: { InvoiceID: "inv-sample", Total: 99.5, LineItems: [{ Description: "Bread", LineAmount: 9 }] },
    // The sample also shows lines, as a real invoice's output would.
    async run(
      ctx: ActionContext<FakeLedgerClient>,
      input,
    ): Promise<{ InvoiceID: string; Total: number; LineItems?: unknown[] }> {
      record("test.createInvoice", input, ctx.idempotencyKey, ctx.client);
      // Like Xero's Idempotency-Key: the same key returns the first result instead of a second invoice.
      const earlier = invoicesByKey.get(ctx.idempotencyKey);
      if (earlier) return earlier;
      const invoice = {
        InvoiceID: `invoice-${invoicesByKey.size + 1}`,
        Total: input.LineItems.reduce((sum, line) => sum + line.Quantity * line.UnitAmount, 0),
      };
      invoicesByKey.set(ctx.idempotencyKey, invoice);
      return invoice;
    },
  });

  const failing = defineAction({
    key: "test.failing",
    kind: "action",
    group: "Testing",
    title: "Always fails",
    description: "Fails with a Xero-style validation error, or crashes when asked to.",
    fields: { mode: field.text({ label: "Mode", required: true }) },
    outputSample: {},
    async run(ctx: ActionContext<FakeLedgerClient>, input): Promise<unknown> {
      record("test.failing", input, ctx.idempotencyKey, ctx.client);
      if (input.mode === "crash") throw new TypeError("Cannot read properties of undefined (secret=abc123)");
      throw new StepError("Account code '999' is not a valid code for this document.", {
        code: "xero_validation",
        retryable: input.mode === "retryable",
        field: "AccountCode",
      });
    },
  });

  const catalog = createCatalog([findOrCreateContact, createInvoice, failing]);
  return { catalog, calls, contacts, invoicesByKey };
}
