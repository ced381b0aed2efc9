import { type FieldSpec, StepError } from "@ledgerflow/engine";
import { z } from "zod";

// Zod pieces for step inputs. Inputs arrive after template resolution, so a mapped number may be the
// text "12.50" and an unmapped optional field an empty string: both are accepted as a bookkeeper means them.

const blankToUndefined = (value: unknown) =>
  value === "" || value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

export const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

export const requiredText = z.preprocess(blankToUndefined, z.string({ error: "is required" }).trim().min(1));

export const optionalNumber = z.preprocess(blankToUndefined, z.coerce.number({ error: "must be a number" }).optional());

export const requiredNumber = z.preprocess(blankToUndefined, z.coerce.number({ error: "must be a number" }));

/** Xero dates are `YYYY-MM-DD`; a full timestamp is cut to its date. */
const dateText = z
  .string({ error: "is required" })
  .regex(/^\d{4}-\d{2}-\d{2}/, "must be a date like 2026-01-31")
  .transform((value) => value.slice(0, 10));

const dateToText = (value: unknown) => (value instanceof Date ? value.toISOString() : blankToUndefined(value));

export const optionalDate = z.preprocess(dateToText, dateText.optional());

export const requiredDate = z.preprocess(dateToText, dateText);

export const optionalBoolean = z.preprocess(
  (value) => (value === "true" ? true : value === "false" ? false : blankToUndefined(value)),
  z.boolean().optional(),
);

/** `["LineItems", 1, "UnitAmount"]` → `LineItems[1].UnitAmount`, the engine's way of naming a field. */
function fieldPath(path: PropertyKey[]): string {
  return path
    .map((segment, i) => (typeof segment === "number" ? `[${segment}]` : `${i ? "." : ""}${String(segment)}`))
    .join("");
}

/** `["LineItems", 1, "UnitAmount"]` → "Unit price (Line items, row 2)", as the editor labels it. */
function fieldLabel(path: PropertyKey[], fields: readonly FieldSpec[]): string {
  let level: readonly FieldSpec[] | undefined = fields;
  let label: string | undefined;
  const rows: string[] = [];
  for (const segment of path) {
    if (typeof segment === "number") {
      if (label) rows.unshift(`${label}, row ${segment + 1}`);
      continue;
    }
    const field: FieldSpec | undefined = level?.find((candidate) => candidate.name === segment);
    label = field?.label ?? String(segment);
    level = field?.itemFields;
  }
  return rows.length > 0 ? `${label} (${rows.join(", ")})` : (label ?? "Input");
}

/** Parses a step's resolved input; a bad value fails the step naming the field, before Xero is called. */
export function parseStepInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  fields: readonly FieldSpec[],
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const path = issue?.path ?? [];
  const field = path.length > 0 ? fieldPath(path) : undefined;
  throw new StepError(`${fieldLabel(path, fields)}: ${issue?.message ?? "is not valid"}`, {
    code: "invalid_input",
    field,
    details: { issues: result.error.issues.map((i) => ({ field: fieldPath(i.path), message: i.message })) },
  });
}
