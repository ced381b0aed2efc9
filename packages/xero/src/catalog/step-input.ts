import { StepError } from "@ledgerflow/engine";
import { z } from "zod";

// Zod pieces for step inputs. Inputs arrive after template resolution, so a mapped number may be the
// text "12.50" and an unmapped optional field an empty string: both are accepted as a bookkeeper means them.

const blankToUndefined = (value: unknown) =>
  value === "" || value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

export const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

export const requiredText = z.preprocess(blankToUndefined, z.string({ error: "is required" }).trim().min(1));

export const optionalNumber = z.preprocess(blankToUndefined, z.coerce.number().optional());

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

/** Parses a step's resolved input; a bad value fails the step naming the field, before Xero is called. */
export function parseStepInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const field = issue?.path.map(String).join(".") || undefined;
  throw new StepError(field ? `${field}: ${issue?.message}` : (issue?.message ?? "Invalid input"), {
    code: "invalid_input",
    field,
    details: { issues: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
  });
}
