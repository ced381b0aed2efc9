import { randomUUID } from "node:crypto";
import { createCatalog, executeFlow, type FieldSpec, type FlowDefinition, testStep } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { missingScopes } from "../missing-scopes";
import { optionLoaders } from "../options/option-loaders";
import { sandboxClientForFile, uniqueName } from "../testing/test-sandbox";
import { xeroCatalog } from "./xero-catalog";

// The catalog as the worker and the editor use it: through the engine's template resolution,
// input validation and executor, against the sandbox.

const client = await sandboxClientForFile();
const catalog = createCatalog(xeroCatalog);

/** Order → find or create the customer → approved invoice of the mapped lines → payment of its total. */
const orderToPaidInvoice: FlowDefinition = {
  schemaVersion: 2,
  trigger: { type: "webhook", config: {} },
  steps: [
    {
      key: "customer",
      action: "xero.findOrCreateContact",
      connectionId: "conn-test",
      input: { matchBy: "EmailAddress", Name: "{{trigger.body.customer}}", EmailAddress: "{{trigger.body.email}}" },
    },
    {
      key: "invoice",
      action: "xero.createInvoice",
      connectionId: "conn-test",
      input: {
        ContactID: "{{steps.customer.ContactID}}",
        Reference: "{{trigger.body.orderId}}",
        Date: "{{trigger.body.placedAt}}",
        DueDate: "2026-06-30",
        Status: "authorised",
        LineItems: {
          $each: "{{trigger.body.lines}}",
          as: "line",
          map: {
            Description: "{{line.name}}",
            Quantity: "{{line.qty}}",
            UnitAmount: "{{line.price}}",
            AccountCode: "200",
            TaxType: "OUTPUT2",
            TrackingCategory1: "Department",
            TrackingOption1: "{{line.department}}",
          },
        },
      },
    },
    {
      key: "payment",
      action: "xero.createPayment",
      connectionId: "conn-test",
      input: {
        InvoiceID: "{{steps.invoice.InvoiceID}}",
        AccountCode: "090",
        Amount: "{{steps.invoice.Total}}",
        Date: "{{trigger.body.placedAt}}",
        Reference: "Card {{trigger.body.orderId}}",
      },
    },
  ],
};

function orderEvent() {
  const orderId = uniqueName("ORD").replace(" ", "-");
  return {
    body: {
      orderId,
      customer: uniqueName("Flow Customer"),
      email: `${orderId.toLowerCase()}@flow.example`,
      placedAt: "2026-06-01T21:30:00+12:00",
      lines: [
        { name: "Setup", qty: 1, price: 250, department: "Operations" },
        { name: "Licence", qty: "4", price: "33.333", department: "Sales" },
        { name: "Training", qty: 2.5, price: 80, department: "Sales" },
      ],
    },
  };
}

describe("the Xero catalog in the engine", () => {
  it("declares unique keys, an output sample and both scope schemes for every entry", () => {
    expect(catalog.list().map((action) => action.key)).toHaveLength(9);
    for (const action of xeroCatalog) {
      expect(action.outputSample).toBeTruthy();
      expect(action.scopes.classic.length).toBeGreaterThan(0);
      expect(action.scopes.granular.length).toBeGreaterThan(0);
      for (const field of action.fields) expect(field.label, `${action.key}.${field.name}`).toBeTruthy();
    }
  });

  it("names only option loaders the connector has, in list items too", () => {
    const loadersOf = (fields: readonly FieldSpec[]): string[] =>
      fields.flatMap((field) => [
        ...(field.options && "loader" in field.options ? [field.options.loader] : []),
        ...loadersOf(field.itemFields ?? []),
      ]);
    const named = new Set(xeroCatalog.flatMap((action) => loadersOf(action.fields)));
    expect(named.size).toBeGreaterThan(5);
    expect([...named].filter((loader) => !Object.hasOwn(optionLoaders, loader))).toEqual([]);
  });

  it("says what every write creates, so buttons can warn before writing; searches write nothing", () => {
    const writes = Object.fromEntries(xeroCatalog.map((action) => [action.key, action.writes]));
    expect(writes).toEqual({
      "xero.findContact": undefined,
      "xero.findOrCreateContact": { noun: "contact", verb: "finds or creates", nameField: "Name" },
      "xero.upsertContact": { noun: "contact", verb: "creates or updates", nameField: "Name" },
      "xero.createInvoice": { noun: "invoice", verb: "creates", nameField: "InvoiceNumber" },
      "xero.createBill": { noun: "bill", verb: "creates", nameField: "InvoiceNumber" },
      "xero.createPayment": { noun: "payment", verb: "creates" },
      "xero.findItems": undefined,
      "xero.createItem": { noun: "item", verb: "creates", nameField: "Code" },
      "xero.getTrackingCategories": undefined,
    });
    for (const action of xeroCatalog) expect(action.writes !== undefined, action.key).toBe(action.kind === "action");
    // The data picker offers the duplicate check's answer before a step has been tested.
    expect(catalog.get("xero.createInvoice")?.outputSample).toMatchObject({ alreadyExisted: false });
  });

  it("runs order → contact → invoice → payment, leaving the invoice PAID", async () => {
    const trigger = orderEvent();
    const result = await executeFlow({
      definition: orderToPaidInvoice,
      trigger,
      catalog,
      runId: randomUUID(),
      clientFor: () => client,
    });
    expect(result.error?.toJSON()).toBeUndefined();
    expect(result.status).toBe("SUCCEEDED");

    const invoice = result.outputs.invoice as Record<string, unknown>;
    // 250 + 4 × 33.333 (= 133.33) + 2.5 × 80 = 583.33; GST per line 37.50 + 20.00 + 30.00.
    expect(invoice).toMatchObject({ SubTotal: 583.33, TotalTax: 87.5, Total: 670.83 });
    // The order's own calendar date (1 June in Auckland), in Xero's JSON date format.
    expect(invoice.Date).toBe(`/Date(${Date.UTC(2026, 5, 1)}+0000)/`);
    expect(result.outputs.customer).toMatchObject({ created: true, Name: trigger.body.customer });
    expect(result.outputs.payment).toMatchObject({ Amount: 670.83, Reference: `Card ${trigger.body.orderId}` });

    const stored = await client.accounting.getInvoice(client.tenantId, String(invoice.InvoiceID));
    expect(stored.response.data.Invoices[0]).toMatchObject({ Status: "PAID", AmountDue: 0 });
  });

  it("writes nothing twice when a run is executed again under the same run id", async () => {
    const trigger = orderEvent();
    const runId = randomUUID();
    const first = await executeFlow({
      definition: orderToPaidInvoice,
      trigger,
      catalog,
      runId,
      clientFor: () => client,
    });
    // The worker crashed before recording any step: the whole run is executed again.
    const again = await executeFlow({
      definition: orderToPaidInvoice,
      trigger,
      catalog,
      runId,
      clientFor: () => client,
    });
    expect(again.status).toBe("SUCCEEDED");
    expect(again.outputs.invoice).toMatchObject({
      InvoiceID: (first.outputs.invoice as { InvoiceID: string }).InvoiceID,
    });

    const invoices = await client.accounting.getInvoices(
      client.tenantId,
      undefined,
      `Reference=="${trigger.body.orderId}"`,
    );
    expect(invoices.body.invoices).toHaveLength(1);
    // Paid once: the repeated payment step was answered from Xero's idempotency record.
    const invoice = invoices.response.data.Invoices[0];
    expect(invoice).toMatchObject({ Status: "PAID", AmountPaid: invoice.Total, AmountDue: 0 });
    const contacts = await client.accounting.getContacts(
      client.tenantId,
      undefined,
      `Name=="${trigger.body.customer}"`,
    );
    expect(contacts.body.contacts).toHaveLength(1);
  });

  it("tests one step with the trigger sample and fails with Xero's message verbatim", async () => {
    const result = await testStep({
      definition: orderToPaidInvoice,
      stepKey: "invoice",
      sampleEvent: {
        body: { ...orderEvent().body, lines: [{ name: "Bad", qty: 1, price: 5, department: "Nowhere" }] },
      },
      sampleOutputs: { customer: { ContactID: (await contactId("Bayside Club")) ?? "" } },
      catalog,
      clientFor: () => client,
    });
    expect(result).toMatchObject({
      error: {
        code: "xero_validation",
        message: "The Tracking Option 'Nowhere' does not exist for Tracking Category 'Department'.",
        // Line 1 holds the option Xero quotes: the message is that line's.
        field: "LineItems[0].TrackingOption1",
      },
    });
  });
});

async function contactId(name: string): Promise<string | undefined> {
  const found = await client.accounting.getContacts(client.tenantId, undefined, `Name=="${name}"`);
  return found.body.contacts?.[0]?.contactID;
}

describe("missingScopes", () => {
  const byKey = (key: string) => xeroCatalog.find((action) => action.key === key)!;

  it("is empty when the connection has the action's scopes in either scheme", () => {
    expect(missingScopes(byKey("xero.createInvoice"), ["accounting.transactions", "offline_access"])).toEqual([]);
    expect(missingScopes(byKey("xero.createInvoice"), ["accounting.invoices"])).toEqual([]);
    expect(missingScopes(byKey("xero.findItems"), ["accounting.settings"])).toEqual([]);
    expect(missingScopes(byKey("xero.findContact"), ["accounting.contacts.read"])).toEqual([]);
  });

  it("names the missing scopes in the scheme the connection was granted", () => {
    expect(missingScopes(byKey("xero.createPayment"), ["accounting.invoices", "accounting.contacts"])).toEqual([
      "accounting.payments",
    ]);
    expect(missingScopes(byKey("xero.createPayment"), ["accounting.transactions.read"])).toEqual([
      "accounting.transactions",
    ]);
    expect(missingScopes(byKey("xero.upsertContact"), ["accounting.contacts.read"])).toEqual(["accounting.contacts"]);
  });
});
