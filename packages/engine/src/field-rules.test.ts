import { describe, expect, it } from "vitest";
import { defaultStepInput, isFieldHidden } from "./field-rules";
import { fieldSpecs } from "./fields/field";
import { field } from "./fields/field-builders";
import { validateStepInput } from "./validate-step-input";

const fields = fieldSpecs({
  find: field.select({
    label: "Find",
    required: true,
    default: "byCode",
    options: {
      static: [
        { value: "byCode", label: "One item" },
        { value: "all", label: "All items" },
      ],
    },
  }),
  Code: field.text({
    label: "Item code",
    requiredWhen: { field: "find", equals: "byCode" },
    hiddenWhen: { field: "find", equals: "all" },
  }),
  archived: field.boolean({ label: "Archived too", default: false }),
  Quantity: field.number({ label: "Quantity", default: 1 }),
  account: field.select({ label: "Account", default: "200", options: { loader: "accounts" } }),
});
const code = fields.find((spec) => spec.name === "Code")!;

describe("hiddenWhen", () => {
  it("hides a field while the other field's fixed value (or its default) says so, never for a mapping", () => {
    expect(isFieldHidden(code, { find: "all" }, fields)).toBe(true);
    expect(isFieldHidden(code, { find: "All items" }, fields)).toBe(true);
    expect(isFieldHidden(code, {}, fields)).toBe(false);
    expect(isFieldHidden(code, { find: "{{trigger.body.find}}" }, fields)).toBe(false);
  });

  it("is ignored by the parser: a hidden field's leftover value never reaches the action", () => {
    expect(validateStepInput({ find: "all", Code: "CONSULT" }, fields)).toEqual({
      ok: true,
      input: { find: "all", archived: false, Quantity: 1, account: "200" },
    });
    expect(validateStepInput({ find: "byCode", Code: "CONSULT" }, fields)).toMatchObject({
      ok: true,
      input: { Code: "CONSULT" },
    });
  });
});

describe("defaultStepInput", () => {
  it("starts a new step with every fixed choice's default, not numbers, text or loaded lists", () => {
    expect(defaultStepInput(fields)).toEqual({ find: "byCode", archived: false });
  });
});
