import {
  createCatalog,
  defineAction,
  type FlowDefinition,
  field,
  testStep,
  upgradeFlowDefinition,
} from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import type { StepSampleView } from "./editor-types";
import { testStaleness } from "./test-staleness";

// Samples are made by the engine's own testStep (with actions that answer at once), so each holds
// exactly the input a real test sends, the test override included.

const findContact = defineAction({
  key: "t.findContact",
  kind: "search",
  group: "Contacts",
  title: "Find contact",
  description: "Finds a contact.",
  fields: { Name: field.text({ label: "Name", required: true }) },
  outputSample: { ContactID: "c-0" },
  run: async (_ctx, input) => ({ ContactID: `c-${input.Name}` }),
});

let invoices = 0;
const createInvoice = defineAction({
  key: "t.createInvoice",
  kind: "action",
  group: "Invoices",
  title: "Create invoice",
  description: "Creates an invoice.",
  writes: { noun: "invoice", verb: "creates" },
  fields: {
    ContactID: field.text({ label: "Contact", required: true }),
    Reference: field.text({ label: "Reference" }),
    Amount: field.number({ label: "Amount", required: true }),
    Status: field.select({
      label: "Status",
      default: "DRAFT",
      options: {
        static: [
          { value: "DRAFT", label: "Draft" },
          { value: "AUTHORISED", label: "Approved" },
        ],
      },
    }),
  },
  test: { override: { field: "Status", value: "DRAFT", label: "Tested as a draft", optOutLabel: "Own status" } },
  outputSample: { InvoiceID: "i-0" },
  run: async () => ({ InvoiceID: `i-${++invoices}` }),
});

const pay = defineAction({
  key: "t.pay",
  kind: "action",
  group: "Payments",
  title: "Record payment",
  description: "Pays an invoice.",
  writes: { noun: "payment", verb: "creates" },
  fields: { InvoiceID: field.text({ label: "Invoice", required: true }) },
  outputSample: { PaymentID: "p-0" },
  run: async () => ({ PaymentID: "p-1" }),
});

const catalog = createCatalog([findContact, createInvoice, pay]);
const titles: Record<string, string> = {
  contact: "Find contact",
  invoice: "Create invoice",
  payment: "Record payment",
};
const titleOf = (key: string) => titles[key] ?? key;

function flow(changes: { reference?: string; customer?: string; invoiceConnection?: string } = {}): FlowDefinition {
  return upgradeFlowDefinition({
    schemaVersion: 2,
    trigger: { type: "webhook", config: {}, sample: { body: { customer: changes.customer ?? "Acme", amount: 115 } } },
    steps: [
      { key: "contact", action: "t.findContact", connectionId: "org-1", input: { Name: "{{trigger.body.customer}}" } },
      {
        key: "invoice",
        action: "t.createInvoice",
        connectionId: changes.invoiceConnection ?? "org-1",
        input: {
          ContactID: "{{steps.contact.ContactID}}",
          Reference: changes.reference ?? "PO-1",
          Amount: "{{trigger.body.amount}}",
          Status: "AUTHORISED",
        },
      },
      { key: "payment", action: "t.pay", connectionId: "org-1", input: { InvoiceID: "{{steps.invoice.InvoiceID}}" } },
    ],
  });
}

let clock = Date.parse("2026-12-01T10:00:00Z");

/** Tests `stepKey` of `definition` as the server does, with the samples so far; answers them with its own. */
async function tested(
  definition: FlowDefinition,
  samples: StepSampleView[],
  stepKey: string,
  options: { useStepValues?: boolean } = {},
): Promise<StepSampleView[]> {
  const sampleOutputs = Object.fromEntries(samples.map((sample) => [sample.stepKey, sample.output]));
  const result = await testStep({ definition, stepKey, catalog, sampleOutputs, clientFor: () => ({}), ...options });
  const step = definition.steps.find((candidate) => candidate.key === stepKey);
  clock += 60_000;
  const sample: StepSampleView = {
    stepKey,
    // Through JSON, as PostgreSQL keeps it.
    input: JSON.parse(JSON.stringify(result.input)),
    output: "output" in result ? result.output : null,
    error: "error" in result ? result.error : null,
    connectionId: step && "connectionId" in step ? (step.connectionId ?? null) : null,
    testedAt: new Date(clock).toISOString(),
  };
  return [...samples.filter((candidate) => candidate.stepKey !== stepKey), sample];
}

async function testedAll(definition: FlowDefinition, options: { useStepValues?: boolean } = {}) {
  let samples: StepSampleView[] = [];
  for (const key of ["contact", "invoice", "payment"]) samples = await tested(definition, samples, key, options);
  return samples;
}

const staleness = (definition: FlowDefinition, samples: StepSampleView[]) =>
  Object.fromEntries(testStaleness({ definition, samples, catalog, titleOf }));

describe("testStaleness", () => {
  it("finds nothing stale right after testing, whether the invoice was tested as a draft or with its own status", async () => {
    const definition = flow();
    const drafts = await testedAll(definition);
    expect(drafts.find((sample) => sample.stepKey === "invoice")?.input).toMatchObject({ Status: "DRAFT" });
    expect(staleness(definition, drafts)).toEqual({});
    expect(staleness(definition, await testedAll(definition, { useStepValues: true }))).toEqual({});
  });

  it("marks a step whose own field changed, and a later step mapping it says which step to test first", async () => {
    const samples = await testedAll(flow());
    expect(staleness(flow({ reference: "PO-2" }), samples)).toEqual({
      invoice: { message: "Test again: the fields changed since this test" },
      payment: { message: "Test “Create invoice” again first: it changed after this test", testFirst: "invoice" },
    });
  });

  it("says the trigger's sample changed when only mapped trigger data differs", async () => {
    const samples = await testedAll(flow());
    expect(staleness(flow({ customer: "Bayside" }), samples)).toEqual({
      contact: { message: "Test again: the trigger's sample changed since this test" },
      invoice: { message: "Test “Find contact” again first: it changed after this test", testFirst: "contact" },
      payment: { message: "Test “Create invoice” again first: it changed after this test", testFirst: "invoice" },
    });
  });

  it("marks a later step once an earlier step it maps was tested again with another result", async () => {
    const definition = flow();
    const samples = await tested(definition, await testedAll(definition), "invoice");
    expect(staleness(definition, samples)).toEqual({
      payment: { message: "Test again: “Create invoice” was tested again after this test" },
    });
  });

  it("leaves later steps alone when an earlier step tested again gave the same result", async () => {
    const definition = flow();
    const samples = await tested(definition, await testedAll(definition), "contact");
    expect(staleness(definition, samples)).toEqual({});
  });

  it("marks a test made with another connection", async () => {
    const samples = await testedAll(flow());
    expect(staleness(flow({ invoiceConnection: "org-2" }), samples)).toMatchObject({
      invoice: { message: "Test again: the connection changed since this test" },
    });
  });

  it("never marks a failed test, which already says it failed", async () => {
    const definition = flow();
    const samples = (await testedAll(definition)).map((sample) =>
      sample.stepKey === "invoice" ? { ...sample, output: null, error: { message: "Xero refused it" } } : sample,
    );
    expect(staleness(flow({ reference: "PO-2" }), samples)).not.toHaveProperty("invoice");
  });
});
