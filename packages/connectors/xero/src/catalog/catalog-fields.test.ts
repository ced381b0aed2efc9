import type { FieldSpec } from "@ledgerflow/engine";
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
