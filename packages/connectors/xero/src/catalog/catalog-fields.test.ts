import { defaultStepInput, type FieldSpec, fillHelpStepKeys, isFieldHidden } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { xeroCatalog } from "./xero-catalog";

// Stored flows name actions by key and their input by field name; a field's type, whether it is
// required and a dropdown's values decide whether a stored input still runs. This snapshot holds
// that part of every entry, so a change to it is a visible decision, never a side effect of a
// refactor. (Labels and help texts may change freely and are left out.)

interface StoredShape {
  name: string;
  type: FieldSpec["type"];
  required?: true;
  requiredWhen?: FieldSpec["requiredWhen"];
  hiddenWhen?: FieldSpec["hiddenWhen"];
  default?: unknown;
  choices?: string[];
  loader?: string;
  rules?: Pick<FieldSpec, "positive" | "maxLength">;
  item?: StoredShape[];
}

function storedShape(field: FieldSpec): StoredShape {
  const { options } = field;
  const rules = {
    ...(field.positive ? { positive: true } : {}),
    ...(field.maxLength ? { maxLength: field.maxLength } : {}),
  };
  return {
    name: field.name,
    type: field.type,
    ...(field.required ? { required: true as const } : {}),
    ...(field.requiredWhen ? { requiredWhen: field.requiredWhen } : {}),
    ...(field.hiddenWhen ? { hiddenWhen: field.hiddenWhen } : {}),
    ...(field.default !== undefined ? { default: field.default } : {}),
    ...(options && "static" in options ? { choices: options.static.map((option) => option.value) } : {}),
    ...(options && "loader" in options ? { loader: options.loader } : {}),
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...(field.itemFields ? { item: field.itemFields.map(storedShape) } : {}),
  };
}

describe("the Xero catalog's stored-flow contract", () => {
  it("keeps every entry's key and its fields' names, order, types, requirements and choices", async () => {
    const shapes = xeroCatalog.map((action) => ({ key: action.key, fields: action.fields.map(storedShape) }));
    await expect(`${JSON.stringify(shapes, null, 2)}\n`).toMatchFileSnapshot("./__snapshots__/catalog-fields.snap");
  });
});

const fieldsOf = (key: string) => xeroCatalog.find((action) => action.key === key)?.fields ?? [];

describe("the Xero catalog in the editor", () => {
  it("hides Item code and “When nothing matches” once “All items” is chosen", () => {
    const fields = fieldsOf("xero.findItems");
    const shown = (input: Record<string, string>) =>
      fields.filter((field) => !isFieldHidden(field, input, fields)).map((field) => field.label);
    expect(shown({ find: "all" })).toEqual(["Find"]);
    expect(shown({})).toEqual(["Find", "Item code", "When nothing matches"]);
  });

  it("starts a new step with every required choice made", () => {
    for (const action of xeroCatalog) {
      const input = defaultStepInput(action.fields);
      const empty = action.fields.filter(
        (field) => field.type === "select" && field.required && !Object.hasOwn(input, field.name),
      );
      expect(empty.map((field) => `${action.key}.${field.name}`)).toEqual([]);
    }
    expect(defaultStepInput(fieldsOf("xero.findOrCreateContact"))).toEqual({ matchBy: "Name" });
  });

  it("writes no step key of its own in help texts: the action, for the editor to fill in", () => {
    const help = xeroCatalog.flatMap((action) => action.fields.flatMap((field) => (field.help ? [field.help] : [])));
    expect(help.filter((text) => /\{\{steps\.[a-z]/.test(text))).toEqual([]);
    const invoiceId = fieldsOf("xero.createPayment").find((field) => field.name === "InvoiceID")?.help ?? "";
    const before = [{ key: "create_invoice", action: "xero.createInvoice", input: {} }];
    expect(fillHelpStepKeys(invoiceId, before, { get: () => undefined, list: () => [], groups: () => [] })).toContain(
      "{{steps.create_invoice.InvoiceID}}",
    );
  });
});
