// Checks a step's resolved input against its action's fields (docs/ARCHITECTURE.md §4) before anything is called.
// Each problem names the field as the editor knows it (`LineItems[1].UnitAmount`) in words a
// bookkeeper reads ("Unit price (Line items, row 2)"), and — when the value was mapped — the
// reference and data path it should have come from, so "it was empty" points at the real cause.
import type { FieldSpec, InputCheckProblem } from "./action-definition";
import { type Coerced, coerceFieldValue, isEmptyFieldValue, valueForMessage } from "./coerce-field-value";
import { clonePlainData, defineOwn, isPlainObject, type PlainObject, readOwn } from "./plain-data";
import { formatFieldPath } from "./template-path";
import type { ResolvedReference } from "./template-resolver";

export interface InputProblem {
  /** The field's location in the input, e.g. `LineItems[1].UnitAmount`. */
  field: string;
  message: string;
  /** Where a mapped value came from, e.g. `trigger.body.lines.1.price`. */
  sourcePath?: string;
}

export type ValidateStepInputResult = { ok: true; input: PlainObject } | { ok: false; problems: InputProblem[] };

/** An action's cross-field rules (`ActionDefinition.check`), given the cleaned input. */
export type InputCheck = (input: PlainObject) => readonly InputCheckProblem[];

/**
 * Returns the cleaned input — only the action's fields, coerced to their types, empty optional
 * fields and unknown keys left out, defaults filled in — or every problem found. `check` runs only
 * on an input whose every field is valid, as its rules may rely on the fields' types.
 */
export function validateStepInput(
  input: unknown,
  fields: readonly FieldSpec[],
  references: readonly ResolvedReference[] = [],
  check?: InputCheck,
): ValidateStepInputResult {
  const problems: InputProblem[] = [];
  const location: Location = { at: [], context: [], references, problems };
  const cleaned = validateRecord(isPlainObject(input) ? input : {}, fields, location);
  if (problems.length === 0 && check) {
    for (const problem of check(cleaned)) reportCheck(problem, cleaned, fields, location);
  }
  return problems.length === 0 ? { ok: true, input: cleaned } : { ok: false, problems };
}

/**
 * A rule's message follows the field's label after a colon, as it is advice rather than a
 * property of the field: "Xero invoice ID: give the invoice's ID or its number".
 */
function reportCheck(
  problem: InputCheckProblem,
  cleaned: PlainObject,
  fields: readonly FieldSpec[],
  location: Location,
) {
  const label = fields.find((field) => field.name === problem.field)?.label ?? problem.field;
  const empty = readOwn(cleaned, problem.field) === undefined;
  report(location, [problem.field], `${label}: ${problem.message}`, empty ? "was empty" : undefined);
}

interface Location {
  /** Path of the record being checked, e.g. `["LineItems", 1]`. */
  at: (string | number)[];
  /** How that record is named in messages, innermost first, e.g. `["Line items, row 2"]`. */
  context: string[];
  references: readonly ResolvedReference[];
  problems: InputProblem[];
}

function validateRecord(record: PlainObject, fields: readonly FieldSpec[], location: Location): PlainObject {
  const where = location.context.length > 0 ? ` (${location.context.join(", ")})` : "";
  const values = new Map<string, Coerced | undefined>();
  for (const field of fields) {
    const raw = readOwn(record, field.name);
    const value = isEmptyFieldValue(raw, field) ? field.default : raw;
    values.set(field.name, isEmptyFieldValue(value, field) ? undefined : coerceFieldValue(value, field));
  }

  const cleaned: PlainObject = {};
  for (const field of fields) {
    // Made irrelevant by another field's choice: whatever it still holds is not the action's input.
    if (field.hiddenWhen && holds(field.hiddenWhen, values)) continue;
    const at = [...location.at, field.name];
    const coerced = values.get(field.name);
    if (coerced === undefined) {
      if (isRequired(field, values)) report(location, at, `${field.label}${where} is required`, "was empty");
      continue;
    }
    if (!coerced.ok) {
      report(location, at, `${field.label}${where} ${coerced.reason}`, undefined);
      continue;
    }
    const value = field.type === "list" ? validateList(coerced.value as unknown[], field, at, location) : coerced.value;
    if (Array.isArray(value) && value.length === 0) {
      // An empty list is an empty field: left out, unless the field is required.
      if (isRequired(field, values))
        report(location, at, `${field.label}${where} needs at least one entry`, "was empty");
      continue;
    }
    defineOwn(cleaned, field.name, value);
  }
  return cleaned;
}

function validateList(items: unknown[], field: FieldSpec, at: (string | number)[], location: Location): unknown[] {
  if (!field.itemFields) return items.map((item) => clonePlainData(item));
  const itemFields = field.itemFields;
  return items.map((item, index) => {
    const itemAt = [...at, index];
    const context = [`${field.label}, row ${index + 1}`, ...location.context];
    if (!isPlainObject(item)) {
      report(
        location,
        itemAt,
        `${context.join(", ")} must be a group of values, but got ${valueForMessage(item)}`,
        undefined,
      );
      return undefined;
    }
    return validateRecord(item, itemFields, { ...location, at: itemAt, context });
  });
}

function isRequired(field: FieldSpec, values: ReadonlyMap<string, Coerced | undefined>): boolean {
  if (field.required) return true;
  return field.requiredWhen !== undefined && holds(field.requiredWhen, values);
}

/** Whether another field's parsed value is the rule's (`requiredWhen`, `hiddenWhen`). */
function holds(rule: { field: string; equals: unknown }, values: ReadonlyMap<string, Coerced | undefined>): boolean {
  const other = values.get(rule.field);
  return other?.ok === true && other.value === rule.equals;
}

/**
 * Adds a problem, naming the reference the value was mapped from when there was one:
 * "Unit price (Line items, row 2) is required, but {{line.price}} (trigger.body.lines.1.price) was empty".
 */
function report(location: Location, at: (string | number)[], message: string, emptyVerb: string | undefined) {
  const source = findSource(location.references, at);
  const field = formatFieldPath(at);
  if (!source) {
    location.problems.push({ field, message });
    return;
  }
  // `{{line.price}} (trigger.body.lines.1.price)`; a reference that already is the full path is not repeated.
  const origin = source.template === `{{${source.path}}}` ? source.template : `${source.template} (${source.path})`;
  const text = emptyVerb ? `${message}, but ${origin} ${emptyVerb}` : `${message}, from ${origin}`;
  location.problems.push({ field, message: text, sourcePath: source.path });
}

/** The reference that filled (or should have filled) `at`: a missing one first, as it is the likelier cause. */
function findSource(references: readonly ResolvedReference[], at: (string | number)[]) {
  const here = references.filter(
    (reference) => reference.at.length === at.length && reference.at.every((segment, i) => segment === at[i]),
  );
  return here.find((reference) => !reference.found) ?? here[0];
}
