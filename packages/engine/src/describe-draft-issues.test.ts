import { describe, expect, it } from "vitest";
import { describeDraftIssues } from "./describe-draft-issues";
import { flowDefinitionSchema } from "./flow-definition";
import { createRecordingCatalog } from "./testing/recording-catalog";

const { catalog } = createRecordingCatalog();

function describeDraft(draft: unknown): string {
  const parsed = flowDefinitionSchema.safeParse(draft);
  if (parsed.success) throw new Error("expected the draft to be refused");
  return describeDraftIssues(parsed.error.issues, draft, catalog);
}

const base = { schemaVersion: 2, trigger: { type: "webhook", config: {} } };

describe("describeDraftIssues", () => {
  it("names the step by its action and key and the field by its label, never a schema path", () => {
    const draft = {
      ...base,
      steps: [
        { key: "find_contact", action: "test.findOrCreateContact", input: {} },
        {
          key: "create_invoice",
          action: "test.createInvoice",
          input: { LineItems: { $each: "lines", as: "line", map: {} } },
        },
      ],
    };
    const message = describeDraft(draft);
    expect(message).toBe(
      '“Create invoice” (create_invoice), Line items: "$each" must be a single reference to a list, like "{{trigger.body.lines}}"',
    );
    expect(message).not.toMatch(/steps\.\d|input\./);
  });

  it("names a step inside a path, a bad key, the trigger, and counts what it does not name", () => {
    const inPath = {
      ...base,
      steps: [
        {
          key: "split",
          type: "paths",
          paths: [
            { key: "big", name: "Big orders", conditions: [], steps: [{ key: "Bad Key", action: "", input: {} }] },
          ],
        },
      ],
    };
    expect(describeDraft(inPath)).toBe(
      "A step (Bad Key), its key: Step keys use lowercase letters, digits and _ (e.g. find_contact)",
    );
    const many = {
      ...base,
      trigger: { type: "nope" },
      steps: ["A", "B", "C", "D"].map((key) => ({ key, action: "", input: {} })),
    };
    expect(describeDraft(many)).toMatch(
      /^Trigger: .*; A step \(A\), its key: .*; A step \(B\), its key: .* \(and 2 more\)$/,
    );
  });

  it("says where in the trigger's sample something cannot be stored", () => {
    const draft = {
      ...base,
      trigger: { ...base.trigger, sample: { body: { customer: { name: "Ada\u0000" } } } },
      steps: [],
    };
    expect(describeDraft(draft)).toMatch(/^The trigger's sample, at body\.customer\.name: contains a NUL character/);
  });
});
