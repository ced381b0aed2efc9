import { describe, expect, it } from "vitest";
import { createCatalog } from "./catalog";
import { defineAction } from "./fields/define-action";
import { field } from "./fields/field-builders";
import { upgradeFlowDefinition } from "./flow-definition";
import { applyTestOverride, createdTestRecord } from "./test-behaviour";
import { testStep } from "./test-step";

const override = {
  field: "Status",
  value: "DRAFT",
  label: "Tested as a draft",
  optOutLabel: "Test with the step's own status",
};

const createDocument = defineAction({
  key: "test.createDocument",
  kind: "action",
  group: "Documents",
  title: "Create document",
  description: "Creates a document in a status.",
  writes: { noun: "document", verb: "creates", nameField: "Number" },
  fields: {
    Number: field.text({ label: "Number", required: true }),
    Status: field.select({
      label: "Status",
      default: "DRAFT",
      options: {
        static: [
          { value: "DRAFT", label: "Draft" },
          { value: "APPROVED", label: "Approved" },
        ],
      },
    }),
  },
  test: {
    override,
    record: {
      idField: "DocumentID",
      created: (output) => (output as { found?: boolean }).found !== true,
      label: (output) => `Document ${(output as { Number: string }).Number}`,
      cleanUpDescription: "the document is deleted",
      cleanUp: async () => "Deleted",
    },
  },
  outputSample: { DocumentID: "doc-1", Number: "D-1", Status: "DRAFT" },
  async run(_ctx, input) {
    return { DocumentID: `doc-${input.Number}`, Number: input.Number, Status: input.Status };
  },
});

describe("applyTestOverride", () => {
  it("sends the override's value instead of the step's, and says what the step had", () => {
    expect(applyTestOverride(createDocument, { Number: "D-7", Status: "APPROVED" })).toEqual({
      input: { Number: "D-7", Status: "DRAFT" },
      applied: { field: "Status", value: "DRAFT", stepValue: "APPROVED", label: "Tested as a draft" },
    });
  });

  it("applies nothing when the step already has the value, when the person opts out, or without an override", () => {
    expect(applyTestOverride(createDocument, { Number: "D-7", Status: "DRAFT" })).toEqual({
      input: { Number: "D-7", Status: "DRAFT" },
    });
    expect(applyTestOverride(createDocument, { Status: "APPROVED" }, { useStepValues: true })).toEqual({
      input: { Status: "APPROVED" },
    });
    expect(applyTestOverride({}, { Status: "APPROVED" })).toEqual({ input: { Status: "APPROVED" } });
  });
});

describe("createdTestRecord", () => {
  it("names the record by its id and label, and none when the output is not one the test made", () => {
    expect(createdTestRecord(createDocument, { DocumentID: "doc-9", Number: "D-9" })).toEqual({
      externalId: "doc-9",
      label: "Document D-9",
    });
    expect(createdTestRecord(createDocument, { DocumentID: "doc-9", Number: "D-9", found: true })).toBeUndefined();
    expect(createdTestRecord(createDocument, { Number: "D-9" })).toBeUndefined();
    expect(createdTestRecord({}, { DocumentID: "doc-9" })).toBeUndefined();
  });
});

describe("testStep with a test override", () => {
  const definition = upgradeFlowDefinition({
    schemaVersion: 2,
    trigger: { type: "webhook", config: {}, sample: { body: { number: "D-42" } } },
    steps: [
      {
        key: "document",
        action: "test.createDocument",
        input: { Number: "{{trigger.body.number}}", Status: "APPROVED" },
      },
    ],
  });
  const catalog = createCatalog([createDocument]);
  const clientFor = () => ({});

  it("writes a draft and says it did, where the step says Approved", async () => {
    const result = await testStep({ definition, stepKey: "document", catalog, clientFor });
    expect(result).toEqual({
      input: { Number: "D-42", Status: "DRAFT" },
      output: { DocumentID: "doc-D-42", Number: "D-42", Status: "DRAFT" },
      override: { field: "Status", value: "DRAFT", stepValue: "APPROVED", label: "Tested as a draft" },
    });
  });

  it("writes the step's own status when asked to", async () => {
    const result = await testStep({ definition, stepKey: "document", catalog, clientFor, useStepValues: true });
    expect(result).toEqual({
      input: { Number: "D-42", Status: "APPROVED" },
      output: { DocumentID: "doc-D-42", Number: "D-42", Status: "APPROVED" },
    });
  });
});
