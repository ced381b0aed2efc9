import { describe, expect, it } from "vitest";
import { type FlowDefinition, upgradeFlowDefinition } from "./flow-definition";
import { findMissingSampleReferences } from "./missing-sample-references";
import { createRecordingCatalog } from "./testing/recording-catalog";

const { catalog } = createRecordingCatalog();

const sample = { body: { customer: { name: "Ana", email: null }, lines: [{ price: 9 }] } };

function flow(steps: unknown[], trigger: unknown = { type: "webhook", config: {}, sample }): FlowDefinition {
  return upgradeFlowDefinition({ schemaVersion: 2, trigger, steps });
}

const contact = (Name: string) => ({
  key: "find_contact",
  action: "test.findOrCreateContact",
  connectionId: "c",
  input: { Name },
});
const invoice = (input: Record<string, unknown>) => ({
  key: "create_invoice",
  action: "test.createInvoice",
  connectionId: "c",
  input,
});

describe("findMissingSampleReferences", () => {
  it("warns of a trigger field the sample does not have, by its name below the body", () => {
    expect(
      findMissingSampleReferences({ definition: flow([contact("{{trigger.body.customer.fullname}}")]), catalog }),
    ).toEqual([
      {
        stepKey: "find_contact",
        field: "Name",
        severity: "warning",
        message: "“customer.fullname” is not in the trigger's sample — check the name, or load a sample that has it",
      },
    ]);
  });

  it("accepts what the sample has, a null on the way, and says nothing without a sample", () => {
    const fine = flow([contact("{{trigger.body.customer.name}} {{trigger.body.customer.email.address}}")]);
    expect(findMissingSampleReferences({ definition: fine, catalog })).toEqual([]);
    const noSample = flow([contact("{{trigger.body.customer.fullname}}")], { type: "webhook", config: {} });
    expect(findMissingSampleReferences({ definition: noSample, catalog })).toEqual([]);
  });

  it("looks inside $each sources and mentions each field once", () => {
    const definition = flow([
      invoice({
        ContactID: "{{trigger.body.nope}} {{trigger.body.nope}}",
        LineItems: { $each: "{{trigger.body.items}}", as: "line", map: { UnitAmount: "{{line.price}}" } },
      }),
    ]);
    expect(findMissingSampleReferences({ definition, catalog }).map(({ field, message }) => [field, message])).toEqual([
      ["ContactID", expect.stringContaining("“nope”")],
      ["LineItems", expect.stringContaining("“items”")],
    ]);
  });

  it("compares a step's references with an earlier step's real test result, never its example", () => {
    const definition = flow([contact("Ana"), invoice({ ContactID: "{{steps.find_contact.ContactId}}" })]);
    expect(findMissingSampleReferences({ definition, catalog })).toEqual([]);
    const tested = { find_contact: { ContactID: "c-1", Name: "Ana" } };
    expect(findMissingSampleReferences({ definition, catalog, sampleOutputs: tested })).toEqual([
      {
        stepKey: "create_invoice",
        field: "ContactID",
        severity: "warning",
        message:
          "“ContactId” is not in the test result of step 1 “Find or create contact” — check the name, or test that step again",
      },
    ]);
  });
});
