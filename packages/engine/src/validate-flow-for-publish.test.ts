import { describe, expect, it } from "vitest";
import { createCatalog } from "./catalog";
import { defineAction } from "./fields/define-action";
import { field } from "./fields/field-builders";
import { createEmptyFlowDefinition, type FlowDefinition, upgradeFlowDefinition } from "./flow-definition";
import { createRecordingCatalog } from "./testing/recording-catalog";
import { validateFlowDefinitionForPublish } from "./validate-flow-for-publish";

const { catalog } = createRecordingCatalog();

function flow(steps: unknown[]): FlowDefinition {
  return upgradeFlowDefinition({ schemaVersion: 2, trigger: { type: "webhook", config: {} }, steps });
}

const findContact = {
  key: "find_contact",
  action: "test.findOrCreateContact",
  connectionId: "conn-1",
  input: { Name: "{{trigger.body.customer}}" },
};

describe("validateFlowDefinitionForPublish", () => {
  it("accepts a complete flow", () => {
    const definition = flow([
      findContact,
      {
        key: "invoice",
        action: "test.createInvoice",
        connectionId: "conn-1",
        input: {
          ContactID: "{{steps.find_contact.ContactID}}",
          LineItems: { $each: "{{trigger.body.lines}}", as: "line", map: { UnitAmount: "{{line.price}}" } },
        },
      },
    ]);
    expect(validateFlowDefinitionForPublish(definition, catalog)).toEqual([]);
  });

  it("needs at least one step", () => {
    expect(validateFlowDefinitionForPublish(createEmptyFlowDefinition(), catalog)).toEqual([
      { message: "Add at least one step after the trigger." },
    ]);
  });

  it("reports missing or unknown actions and missing connections", () => {
    const definition = flow([
      { key: "gone", action: "test.removed", connectionId: "conn-1", input: {} },
      { key: "unchosen", action: "", input: {} },
      { ...findContact, connectionId: undefined },
    ]);
    expect(validateFlowDefinitionForPublish(definition, catalog)).toEqual([
      { stepKey: "gone", field: "action", message: 'The action "test.removed" is not available; choose another.' },
      { stepKey: "unchosen", field: "action", message: "Choose what this step does." },
      { stepKey: "find_contact", field: "connectionId", message: "Choose the connected account this step uses." },
    ]);
  });

  it("reports required fields neither set nor mapped, at every level", () => {
    const definition = flow([
      findContact,
      {
        key: "invoice",
        action: "test.createInvoice",
        connectionId: "conn-1",
        input: {
          ContactID: "  ",
          LineItems: { $each: "{{trigger.body.lines}}", as: "line", map: { Description: "{{line.name}}" } },
        },
      },
      {
        key: "invoice_fixed",
        action: "test.createInvoice",
        connectionId: "conn-1",
        input: { ContactID: "c-1", LineItems: [{ UnitAmount: 5 }, { Description: "no price" }] },
      },
    ]);
    expect(validateFlowDefinitionForPublish(definition, catalog)).toEqual([
      { stepKey: "invoice", field: "ContactID", message: "Contact is required: enter a value or map one" },
      {
        stepKey: "invoice",
        field: "LineItems[].UnitAmount",
        message: "Unit price (Line items, every row) is required: enter a value or map one",
      },
      {
        stepKey: "invoice_fixed",
        field: "LineItems[1].UnitAmount",
        message: "Unit price (Line items, row 2) is required: enter a value or map one",
      },
    ]);
  });

  it("leaves records mapped whole from data to run time", () => {
    const definition = flow([
      {
        key: "invoice",
        action: "test.createInvoice",
        connectionId: "conn-1",
        input: {
          ContactID: "c-1",
          LineItems: { $each: "{{trigger.body.lines}}", as: "line", map: "{{line}}" },
        },
      },
      {
        key: "invoice_2",
        action: "test.createInvoice",
        connectionId: "conn-1",
        input: { ContactID: "c-1", LineItems: ["{{trigger.body.first_line}}"] },
      },
    ]);
    expect(validateFlowDefinitionForPublish(definition, catalog)).toEqual([]);
  });

  it("counts a blank as a value of a verbatim field (a separator), and only there", () => {
    const join = defineAction({
      key: "test.join",
      kind: "action",
      group: "Text",
      title: "Join",
      description: "Joins two words.",
      needsConnection: false,
      fields: {
        separator: field.text({ label: "Separator", required: true, verbatim: true }),
        word: field.text({ label: "Word", required: true }),
      },
      outputSample: "a b",
      run: async (_ctx, input) => `${input.word}${input.separator}${input.word}`,
    });
    const definition = flow([{ key: "join", action: "test.join", input: { separator: " ", word: " " } }]);
    expect(validateFlowDefinitionForPublish(definition, createCatalog([join]))).toEqual([
      { stepKey: "join", field: "word", message: "Word is required: enter a value or map one" },
    ]);
  });

  it("reports fixed values a field cannot take", () => {
    const definition = flow([
      {
        key: "invoice",
        action: "test.createInvoice",
        connectionId: "conn-1",
        input: { ContactID: "c-1", DueDate: "next friday", LineItems: [{ UnitAmount: "ten" }] },
      },
    ]);
    expect(validateFlowDefinitionForPublish(definition, catalog)).toEqual([
      {
        stepKey: "invoice",
        field: "DueDate",
        message: 'Due date must be a date like 2026-01-31, but got "next friday"',
      },
      {
        stepKey: "invoice",
        field: "LineItems[0].UnitAmount",
        message: 'Unit price (Line items, row 1) must be a number like 12.50, but got "ten"',
      },
    ]);
  });

  it("reports references to unknown, later or the same step, and unknown roots", () => {
    const definition = flow([
      {
        ...findContact,
        input: {
          Name: "{{steps.find_contact.Name}}",
          EmailAddress: "{{steps.invoice.InvoiceID}} {{steps.nope.x}} {{body.email}} {{1+1}}",
        },
      },
      {
        key: "invoice",
        action: "test.createInvoice",
        connectionId: "conn-1",
        input: {
          ContactID: "{{steps.find_contact.ContactID}}",
          LineItems: { $each: "{{steps.later.lines}}", as: "line", map: { UnitAmount: "{{item.price}}" } },
        },
      },
    ]);
    expect(validateFlowDefinitionForPublish(definition, catalog)).toEqual([
      {
        stepKey: "find_contact",
        field: "Name",
        message: "{{steps.find_contact.Name}} refers to this step's own result, which does not exist yet",
      },
      {
        stepKey: "find_contact",
        field: "EmailAddress",
        message: '{{steps.invoice.InvoiceID}} refers to step "invoice", which runs after this one',
      },
      {
        stepKey: "find_contact",
        field: "EmailAddress",
        message: "{{steps.nope.x}} refers to a step that does not exist",
      },
      {
        stepKey: "find_contact",
        field: "EmailAddress",
        message: '{{body.email}} must start with "trigger" or "steps"',
      },
      {
        stepKey: "find_contact",
        field: "EmailAddress",
        message: "{{1+1}} is not a valid reference: use a path like {{trigger.body.email}}",
      },
      { stepKey: "invoice", field: "LineItems", message: "{{steps.later.lines}} refers to a step that does not exist" },
      {
        stepKey: "invoice",
        field: "LineItems[].UnitAmount",
        message: '{{item.price}} must start with "trigger" or "steps" or a list item name (line)',
      },
    ]);
  });

  it("asks for an unchosen list and an empty {{ }} in words, naming the field, never as an invalid reference", () => {
    const definition = flow([
      findContact,
      {
        key: "invoice",
        action: "test.createInvoice",
        connectionId: "conn-1",
        input: {
          ContactID: "{{steps.find_contact.ContactID}} {{ }}",
          LineItems: { $each: "", as: "line", map: { UnitAmount: "{{line.price}}" } },
        },
      },
    ]);
    expect(validateFlowDefinitionForPublish(definition, catalog)).toEqual([
      {
        stepKey: "invoice",
        field: "ContactID",
        message: "An empty {{ }} is left here: pick a value from the data, or remove it",
      },
      { stepKey: "invoice", field: "LineItems", message: "Line items: choose the list to repeat over" },
    ]);
  });

  it("does not check a field another field's choice hides", () => {
    const items = defineAction({
      key: "test.findItems",
      kind: "search",
      group: "Items",
      title: "Find items",
      description: "",
      needsConnection: false,
      fields: {
        find: field.select({
          label: "Find",
          default: "byCode",
          options: {
            static: [
              { value: "byCode", label: "One" },
              { value: "all", label: "All items" },
            ],
          },
        }),
        Code: field.number({
          label: "Item code",
          requiredWhen: { field: "find", equals: "byCode" },
          hiddenWhen: { field: "find", equals: "all" },
        }),
      },
      outputSample: {},
      run: async () => ({}),
    });
    const withItems = createCatalog([items]);
    const step = (input: Record<string, unknown>) => flow([{ key: "items", action: "test.findItems", input }]);
    expect(validateFlowDefinitionForPublish(step({ find: "all", Code: "not a number" }), withItems)).toEqual([]);
    expect(validateFlowDefinitionForPublish(step({}), withItems)).toEqual([
      { stepKey: "items", field: "Code", message: "Item code is required: enter a value or map one" },
    ]);
  });
});
