import { describe, expect, it } from "vitest";
import { buildSampleContext, listDataReferences, listItemReferences } from "./data-picker";
import { upgradeFlowDefinition } from "./flow-definition";
import { createRecordingCatalog } from "./testing/recording-catalog";

const { catalog } = createRecordingCatalog();

const definition = upgradeFlowDefinition({
  schemaVersion: 2,
  trigger: {
    type: "webhook",
    config: {},
    sample: {
      body: {
        email: "ana@example.com",
        note: "x".repeat(100),
        lines: [{ name: "Bread", price: 4.5, tags: ["fresh"] }, { name: "Cake" }],
        "first name": "Ana",
        paid: true,
        coupon: null,
      },
    },
  },
  steps: [
    { key: "find_contact", action: "test.findOrCreateContact", input: {} },
    { key: "invoice", action: "test.createInvoice", input: {} },
    { key: "later", action: "test.createInvoice", input: {} },
  ],
});

describe("listDataReferences", () => {
  it("flattens the trigger sample, showing lists by their first item", () => {
    const [trigger] = listDataReferences({ definition, stepKey: "invoice", catalog });
    expect(trigger?.title).toBe("Trigger");
    expect(trigger?.references).toEqual([
      { path: "trigger.body", template: "{{trigger.body}}", label: "body", preview: "6 fields", type: "object" },
      {
        path: "trigger.body.email",
        template: "{{trigger.body.email}}",
        label: "body › email",
        preview: "ana@example.com",
        type: "text",
      },
      {
        path: "trigger.body.note",
        template: "{{trigger.body.note}}",
        label: "body › note",
        preview: `${"x".repeat(59)}…`,
        type: "text",
      },
      {
        path: "trigger.body.lines",
        template: "{{trigger.body.lines}}",
        label: "body › lines",
        preview: "2 items",
        type: "list",
      },
      {
        path: "trigger.body.lines.0",
        template: "{{trigger.body.lines.0}}",
        label: "body › lines › item 1",
        preview: "3 fields",
        type: "object",
      },
      {
        path: "trigger.body.lines.0.name",
        template: "{{trigger.body.lines.0.name}}",
        label: "body › lines › item 1 › name",
        preview: "Bread",
        type: "text",
      },
      {
        path: "trigger.body.lines.0.price",
        template: "{{trigger.body.lines.0.price}}",
        label: "body › lines › item 1 › price",
        preview: "4.5",
        type: "number",
      },
      {
        path: "trigger.body.lines.0.tags",
        template: "{{trigger.body.lines.0.tags}}",
        label: "body › lines › item 1 › tags",
        preview: "1 item",
        type: "list",
      },
      {
        path: "trigger.body.lines.0.tags.0",
        template: "{{trigger.body.lines.0.tags.0}}",
        label: "body › lines › item 1 › tags › item 1",
        preview: "fresh",
        type: "text",
      },
      {
        path: "trigger.body.paid",
        template: "{{trigger.body.paid}}",
        label: "body › paid",
        preview: "true",
        type: "boolean",
      },
      {
        path: "trigger.body.coupon",
        template: "{{trigger.body.coupon}}",
        label: "body › coupon",
        preview: "(empty)",
        type: "empty",
      },
    ]);
  });

  it("offers only earlier steps: tested output when there is one, else the action's example", () => {
    const groups = listDataReferences({
      definition,
      stepKey: "later",
      catalog,
      sampleOutputs: { find_contact: { ContactID: "c-42", Name: "Ana" }, later: { InvoiceID: "never shown" } },
    });
    expect(groups.map(({ key, title, fromExample }) => ({ key, title, fromExample }))).toEqual([
      { key: "trigger", title: "Trigger", fromExample: false },
      { key: "find_contact", title: "1. Find or create contact", fromExample: false },
      { key: "invoice", title: "2. Create invoice", fromExample: true },
    ]);
    expect(groups[1]?.references.map((reference) => [reference.template, reference.preview])).toEqual([
      ["{{steps.find_contact.ContactID}}", "c-42"],
      ["{{steps.find_contact.Name}}", "Ana"],
    ]);
    expect(groups[2]?.references.map((reference) => reference.path)).toEqual([
      "steps.invoice.InvoiceID",
      "steps.invoice.Total",
      "steps.invoice.LineItems",
      "steps.invoice.LineItems.0",
      "steps.invoice.LineItems.0.Description",
      "steps.invoice.LineItems.0.LineAmount",
    ]);
  });

  it("caps the number of references and skips keys a path cannot spell", () => {
    const [trigger] = listDataReferences({ definition, stepKey: "find_contact", catalog, limit: 3 });
    expect(trigger?.references).toHaveLength(3);
    const [all] = listDataReferences({ definition, catalog });
    expect(all?.references.some((reference) => reference.label.includes("first name"))).toBe(false);
  });

  it("uses the given event over the saved sample, and never offers prototype keys", () => {
    const [trigger] = listDataReferences({
      definition,
      stepKey: "find_contact",
      catalog,
      sampleEvent: JSON.parse('{"__proto__":{"x":1},"constructor":1,"id":7}'),
    });
    expect(trigger?.references.map((reference) => reference.path)).toEqual(["trigger.id"]);
  });
});

describe("listItemReferences", () => {
  it("offers the current item of nested $each lists, previewing their first rows", () => {
    const context = buildSampleContext({ definition, stepKey: "invoice", catalog });
    const groups = listItemReferences(context, [
      { source: "{{trigger.body.lines}}", as: "line" },
      { source: "{{line.tags}}", as: "tag" },
    ]);
    expect(groups[1]?.references[0]).toEqual({
      path: "tag",
      template: "{{tag}}",
      label: "tag",
      preview: "fresh",
      type: "text",
    });
    expect(groups.map((group) => [group.title, group.references.map((reference) => reference.template)])).toEqual([
      ["Each line", ["{{line}}", "{{line.name}}", "{{line.price}}", "{{line.tags}}", "{{line.tags.0}}"]],
      ["Each tag", ["{{tag}}"]],
    ]);
  });
});
