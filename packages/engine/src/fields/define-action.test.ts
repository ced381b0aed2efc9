import { describe, expect, it } from "vitest";
import { createCatalog } from "../catalog";
import { executeFlow } from "../execute-flow";
import { upgradeFlowDefinition } from "../flow-definition";
import { validateFlowDefinitionForPublish } from "../validate-flow-for-publish";
import { defineAction } from "./define-action";
import { field } from "./field-builders";

// An action declared with the builders, run by the engine: the input `run` receives is parsed once,
// by the engine's own validation, and cross-field rules fail the step before `run` is called.

const received: unknown[] = [];

const recordPayment = defineAction({
  key: "test.recordPayment",
  kind: "action",
  group: "Payments",
  title: "Record payment",
  description: "Records a payment.",
  writes: { noun: "payment", verb: "creates" },
  fields: {
    InvoiceID: field.text({ label: "Xero invoice ID" }),
    InvoiceNumber: field.text({ label: "Invoice number", maxLength: 10 }),
    Amount: field.number({ label: "Amount", required: true, positive: true }),
    Date: field.date({ label: "Payment date", required: true }),
    Reference: field.text({ label: "Reference" }),
    Lines: field.list({
      label: "Line items",
      item: { UnitAmount: field.number({ label: "Unit price", required: true }) },
    }),
  },
  check: (input) =>
    input.InvoiceID || input.InvoiceNumber
      ? []
      : [{ field: "InvoiceID", message: "give the invoice's ID or its number" }],
  outputSample: { PaymentID: "p-1", Amount: 1 },
  async run(_ctx, input) {
    received.push(input);
    return { PaymentID: "p-1", Amount: input.Amount };
  },
});

const catalog = createCatalog([recordPayment]);

async function runStep(input: Record<string, unknown>, trigger: unknown = {}) {
  received.length = 0;
  const definition = upgradeFlowDefinition({
    schemaVersion: 2,
    trigger: { type: "webhook", config: {} },
    steps: [{ key: "payment", action: "test.recordPayment", connectionId: "conn-1", input }],
  });
  return executeFlow({ definition, trigger, catalog, runId: "run-1", clientFor: () => ({}) });
}

describe("defineAction", () => {
  it("gives the engine today's ActionDefinition: fields as FieldSpec[] in declaration order", () => {
    expect(recordPayment.fields.map((spec) => [spec.name, spec.label, spec.type])).toEqual([
      ["InvoiceID", "Xero invoice ID", "string"],
      ["InvoiceNumber", "Invoice number", "string"],
      ["Amount", "Amount", "number"],
      ["Date", "Payment date", "date"],
      ["Reference", "Reference", "string"],
      ["Lines", "Line items", "list"],
    ]);
    expect(recordPayment).toMatchObject({ key: "test.recordPayment", kind: "action", group: "Payments" });
  });

  it("hands run the input parsed: numbers from text, dates cut to the day, blanks left out", async () => {
    const result = await runStep(
      {
        InvoiceNumber: " INV-0042 ",
        Amount: "{{trigger.body.amount}}",
        Date: "2026-04-02T10:00:00+12:00",
        Reference: "  ",
        Lines: [{ UnitAmount: "4.50" }],
      },
      { body: { amount: "12.50" } },
    );
    expect(result.status).toBe("SUCCEEDED");
    expect(received).toEqual([
      { InvoiceNumber: "INV-0042", Amount: 12.5, Date: "2026-04-02", Lines: [{ UnitAmount: 4.5 }] },
    ]);
  });

  it("fails a broken cross-field rule as invalid input on its field, before run", async () => {
    const result = await runStep({ Amount: 5, Date: "2026-04-02" });
    expect(received).toEqual([]);
    expect(result.error?.toJSON()).toMatchObject({
      code: "invalid_input",
      field: "InvoiceID",
      message: "Xero invoice ID: give the invoice's ID or its number",
    });
  });

  it("names the reference a rule's field was mapped from when it came out empty", async () => {
    const result = await runStep({ InvoiceID: "{{trigger.body.invoice}}", Amount: 5, Date: "2026-04-02" });
    expect(result.error?.message).toBe(
      "Xero invoice ID: give the invoice's ID or its number, but {{trigger.body.invoice}} was empty",
    );
  });

  it("checks the rules only once every field is valid, so they see the parsed types", async () => {
    const result = await runStep({ Amount: "five", Date: "2026-04-02" });
    expect(result.error?.toJSON()).toMatchObject({
      field: "Amount",
      message: 'Amount must be a number like 12.50, but got "five"',
      details: { problems: [{ field: "Amount", message: 'Amount must be a number like 12.50, but got "five"' }] },
    });
  });

  it("refuses zero for a positive number and text over its length, with the row of a list", async () => {
    const zero = await runStep({ InvoiceID: "i", Amount: "0", Date: "2026-04-02" });
    expect(zero.error?.message).toBe("Amount must be more than zero, but got 0");
    const long = await runStep({ InvoiceNumber: "INV-0000042", Amount: 1, Date: "2026-04-02" });
    expect(long.error?.message).toBe("Invoice number must be at most 10 characters, but has 11");
    const row = await runStep({ InvoiceID: "i", Amount: 1, Date: "2026-04-02", Lines: [{ UnitAmount: 1 }, {}] });
    expect(row.error?.toJSON()).toMatchObject({
      field: "Lines[1].UnitAmount",
      message: "Unit price (Line items, row 2) is required",
    });
  });

  it("gives switch-on the same rules for values written by hand", () => {
    const definition = upgradeFlowDefinition({
      schemaVersion: 2,
      trigger: { type: "webhook", config: {} },
      steps: [
        {
          key: "payment",
          action: "test.recordPayment",
          connectionId: "conn-1",
          input: { InvoiceID: "i", Amount: "-3", Date: "{{trigger.body.date}}" },
        },
      ],
    });
    expect(validateFlowDefinitionForPublish(definition, catalog)).toEqual([
      { stepKey: "payment", field: "Amount", message: "Amount must be more than zero, but got -3" },
    ]);
  });
});
