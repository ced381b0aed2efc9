import { describe, expect, it } from "vitest";
import { upgradeFlowDefinition } from "./flow-definition";
import { testStep } from "./test-step";
import { createRecordingCatalog } from "./testing/recording-catalog";

const definition = upgradeFlowDefinition({
  schemaVersion: 2,
  trigger: {
    type: "webhook",
    config: {},
    sample: { body: { customer: "Sample Co", lines: [{ name: "Bread", price: "4.50" }] } },
  },
  steps: [
    {
      key: "find_contact",
      action: "test.findOrCreateContact",
      connectionId: "conn-1",
      input: { Name: "{{trigger.body.customer}}" },
    },
    {
      key: "invoice",
      action: "test.createInvoice",
      connectionId: "conn-1",
      input: {
        ContactID: "{{steps.find_contact.ContactID}}",
        LineItems: { $each: "{{trigger.body.lines}}", as: "line", map: { UnitAmount: "{{line.price}}" } },
      },
    },
  ],
});

const clientFor = () => ({ organisation: "test" });

describe("testStep", () => {
  it("runs one step with the trigger's sample and returns the input sent and the output", async () => {
    const { catalog, calls } = createRecordingCatalog();
    const result = await testStep({ definition, stepKey: "find_contact", catalog, clientFor });
    expect(result).toEqual({
      input: { Name: "Sample Co" },
      output: { ContactID: "contact-1", Name: "Sample Co", created: true },
    });
    expect(calls).toHaveLength(1);
  });

  it("feeds earlier steps' test outputs, uses a fresh test idempotency key each time, and calls nothing else", async () => {
    const { catalog, calls, invoicesByKey } = createRecordingCatalog();
    const options = {
      definition,
      stepKey: "invoice",
      sampleEvent: { body: { lines: [{ price: 2 }, { price: "3" }] } },
      sampleOutputs: { find_contact: { ContactID: "c-tested" }, invoice: { InvoiceID: "ignored" } },
      catalog,
      clientFor,
    };
    const first = await testStep(options);
    await testStep(options);

    expect(first).toEqual({
      input: {
        ContactID: "c-tested",
        LineItems: [
          { Quantity: 1, UnitAmount: 2 },
          { Quantity: 1, UnitAmount: 3 },
        ],
      },
      output: { InvoiceID: "invoice-1", Total: 5 },
    });
    expect(calls.map((call) => call.action)).toEqual(["test.createInvoice", "test.createInvoice"]);
    expect(calls.every((call) => /^test:[0-9a-f-]{36}$/.test(call.idempotencyKey))).toBe(true);
    expect(new Set(calls.map((call) => call.idempotencyKey)).size).toBe(2);
    expect(invoicesByKey.size).toBe(2);
  });

  it("returns the resolved input and the error, with the field, when the input is not valid", async () => {
    const { catalog, calls } = createRecordingCatalog();
    const result = await testStep({ definition, stepKey: "invoice", catalog, clientFor });
    expect(result).toEqual({
      input: { LineItems: [{ UnitAmount: "4.50" }] },
      error: {
        message:
          'Contact is required, but {{steps.find_contact.ContactID}} was empty. Test "find_contact" first so this step can use the result.',
        code: "invalid_input",
        retryable: false,
        field: "ContactID",
        details: {
          problems: [
            {
              field: "ContactID",
              message: "Contact is required, but {{steps.find_contact.ContactID}} was empty",
              sourcePath: "steps.find_contact.ContactID",
            },
          ],
        },
        untestedSteps: ["find_contact"],
      },
    });
    expect(calls).toHaveLength(0);
  });

  it("returns the action's error as JSON", async () => {
    const { catalog } = createRecordingCatalog();
    const failing = upgradeFlowDefinition({
      ...definition,
      steps: [{ key: "broken", action: "test.failing", input: { mode: "validation" } }],
    });
    const result = await testStep({ definition: failing, stepKey: "broken", catalog, clientFor });
    expect(result).toEqual({
      input: { mode: "validation" },
      error: {
        message: "Account code '999' is not a valid code for this document.",
        code: "xero_validation",
        retryable: false,
        field: "AccountCode",
      },
    });
  });

  it("reports an unknown step", async () => {
    const { catalog } = createRecordingCatalog();
    const result = await testStep({ definition, stepKey: "nope", catalog, clientFor });
    expect(result).toEqual({
      input: undefined,
      error: { message: 'There is no step "nope" in this flow.', code: "unknown_step", retryable: false },
    });
  });
});
