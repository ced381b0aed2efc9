// Rules a field states about another field of the same record ("required when matched by account
// number", "hidden when finding all items"), read from the draft as the editor and the switch-on
// check see it, and the choices a new step starts with.
import type { FieldSpec } from "./action-definition";
import { coerceFieldValue, isEmptyFieldValue } from "./coerce-field-value";
import type { MappingValue } from "./mapping-schema";
import { type PlainObject, readOwn } from "./plain-data";
import { containsTemplate } from "./template-path";

export type FieldRule = { field: string; equals: unknown };

/** A value written by hand, with no reference in it. */
export function isFixedValue(value: unknown): boolean {
  if (typeof value === "string") return !containsTemplate(value);
  return typeof value === "number" || typeof value === "boolean";
}

/**
 * Whether the other field's value (its default when left empty) equals the rule's: only a fixed
 * value decides; a mapped one is only known at run time, so the rule does not hold yet.
 */
export function fieldRuleHolds(rule: FieldRule, record: PlainObject, fields: readonly FieldSpec[]): boolean {
  const other = fields.find((candidate) => candidate.name === rule.field);
  if (!other) return false;
  const raw = readOwn(record, rule.field);
  const value = isEmptyFieldValue(raw, other) ? other.default : raw;
  if (!isFixedValue(value)) return false;
  const coerced = coerceFieldValue(value, other);
  return coerced.ok && coerced.value === rule.equals;
}

/** A field another field's choice makes irrelevant: not drawn, not checked, not passed to the action. */
export function isFieldHidden(field: FieldSpec, record: PlainObject, fields: readonly FieldSpec[]): boolean {
  return field.hiddenWhen !== undefined && fieldRuleHolds(field.hiddenWhen, record, fields);
}

/**
 * What a new step's input starts with: every choice (a dropdown of fixed options, yes/no) that has a
 * default, so that none opens empty ("Find the contact by: Contact name").
 */
export function defaultStepInput(fields: readonly FieldSpec[]): Record<string, MappingValue> {
  const input: Record<string, MappingValue> = {};
  for (const field of fields) {
    const isChoice = field.type === "boolean" || (field.type === "select" && "static" in (field.options ?? {}));
    if (!isChoice || field.default === undefined) continue;
    if (typeof field.default === "string" || typeof field.default === "boolean") input[field.name] = field.default;
  }
  return input;
}
