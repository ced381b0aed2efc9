// The switch-on check: everything about a definition that would certainly make its runs fail,
// found now rather than in a run — unknown actions, missing connections, required fields neither
// set nor mapped, fixed values of the wrong type, and references to steps that do not exist or run
// later. Checks needing the database (is the connection still active?) belong to the caller.
import type { FieldSpec } from "./action-definition";
import type { Catalog } from "./catalog";
import { coerceFieldValue, isEmptyFieldValue } from "./coerce-field-value";
import { conditionsProblems } from "./conditions/conditions-field";
import { fieldRuleHolds, isFieldHidden, isFixedValue } from "./field-rules";
import { type FlowDefinition, isPathsStep, type PathsStep } from "./flow-definition";
import { listSteps, type StepPlace } from "./flow-steps";
import { isEachMapping, isUnchosenEachSource } from "./mapping-schema";
import { isPlainObject, type PlainObject, readOwn } from "./plain-data";
import { formatFieldPath } from "./template-path";
import { listTemplateReferences, referencedStepKey, type TemplateReference } from "./template-references";

export interface PublishProblem {
  stepKey?: string;
  /** The input field concerned, e.g. `LineItems[].UnitAmount` (`[]` = every item of a mapped list). */
  field?: string;
  message: string;
  /**
   * "warning": something that may be right (a mapping the sample does not show), which the person
   * may accept and switch on anyway; anything else blocks.
   */
  severity?: "warning";
}

export function validateFlowDefinitionForPublish(definition: FlowDefinition, catalog: Catalog): PublishProblem[] {
  if (definition.steps.length === 0) return [{ message: "Add at least one step after the trigger." }];
  const places = listSteps(definition);
  const placeOf = new Map(places.map((place) => [place.node.key, place]));
  return places.flatMap((place) => {
    const { node: step } = place;
    const referenceProblems = (mapping: unknown, field: (at: (string | number)[]) => string) =>
      listTemplateReferences(mapping).flatMap((reference) => {
        const message = referenceProblem(reference, place, placeOf);
        return message ? [{ stepKey: step.key, field: field(reference.at), message }] : [];
      });
    if (isPathsStep(step)) return pathsProblems(step, referenceProblems);
    if (step.action === "") return [{ stepKey: step.key, field: "action", message: "Choose what this step does." }];
    const action = catalog.get(step.action);
    if (!action) {
      return [
        {
          stepKey: step.key,
          field: "action",
          message: `The action "${step.action}" is not available; choose another.`,
        },
      ];
    }
    const problems: PublishProblem[] = [];
    if (action.needsConnection !== false && !step.connectionId) {
      problems.push({
        stepKey: step.key,
        field: "connectionId",
        message: "Choose the connected account this step uses.",
      });
    }
    problems.push(...referenceProblems(step.input, fieldOf));
    for (const problem of fieldProblems(step.input, action.fields, [], "")) {
      problems.push({ stepKey: step.key, ...problem });
    }
    return problems;
  });
}

/** Each path needs conditions that can be decided and at least one step of its own. */
function pathsProblems(
  step: PathsStep,
  referenceProblems: (mapping: unknown, field: (at: (string | number)[]) => string) => PublishProblem[],
): PublishProblem[] {
  const problems: PublishProblem[] = [];
  for (const path of step.paths) {
    const field = `paths.${path.key}.conditions`;
    const conditions = path.conditions;
    if (!Array.isArray(conditions) || conditions.length === 0) {
      problems.push({ stepKey: step.key, field, message: `Path "${path.name}": add the conditions that choose it` });
    } else {
      for (const message of conditionsProblems(conditions)) {
        problems.push({ stepKey: step.key, field, message: `Path "${path.name}" ${message}` });
      }
      problems.push(...referenceProblems(conditions, () => field));
    }
    if (path.steps.length === 0) {
      problems.push({
        stepKey: step.key,
        field: `paths.${path.key}.steps`,
        message: `Path "${path.name}" has no steps yet`,
      });
    }
  }
  if (step.otherwise && step.otherwise.steps.length === 0) {
    problems.push({
      stepKey: step.key,
      field: "otherwise.steps",
      message: 'The path "When no other path matches" has no steps yet: add one, or remove that path',
    });
  }
  return problems;
}

function referenceProblem(
  reference: TemplateReference,
  place: StepPlace,
  placeOf: ReadonlyMap<string, StepPlace>,
): string | undefined {
  const { template, segments, itemNames } = reference;
  // `{{}}` is a reference begun and not finished: incomplete, said as such rather than "not valid".
  if (template === "{{}}") return "An empty {{ }} is left here: pick a value from the data, or remove it";
  if (!segments) return `${template} is not a valid reference: use a path like {{trigger.body.email}}`;
  const [root] = segments;
  if (root === "trigger") return undefined;
  if (root && itemNames.includes(root)) return undefined;
  if (root !== "steps") {
    const items = itemNames.length > 0 ? ` or a list item name (${itemNames.join(", ")})` : "";
    return `${template} must start with "trigger" or "steps"${items}`;
  }
  const key = referencedStepKey(reference);
  const target = key === undefined ? undefined : placeOf.get(key);
  if (key === undefined || target === undefined) return `${template} refers to a step that does not exist`;
  if (target === place) return `${template} refers to this step's own result, which does not exist yet`;
  if (place.before.includes(target.node)) return undefined;
  if (target.before.includes(place.node)) return `${template} refers to step "${key}", which runs after this one`;
  return `${template} refers to step "${key}", which is on another path and has not run when this step runs`;
}

interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Required fields left empty and fixed values a field cannot take, in one record of fields; `where`
 * names the record in messages, e.g. " (Line items, row 2)".
 */
function fieldProblems(
  record: unknown,
  fields: readonly FieldSpec[],
  at: (string | number)[],
  where: string,
): FieldProblem[] {
  // A whole record mapped from data (`"map": "{{line}}"`) is only known at run time.
  if (!isPlainObject(record)) return [];
  const values = record;
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    // Another field's choice made it irrelevant ("All items" needs no item code): never checked.
    if (isFieldHidden(field, values, fields)) continue;
    const value = readOwn(values, field.name);
    const path = formatFieldPath([...at, field.name]);
    if (isUnset(value, field)) {
      if (field.default === undefined && isRequired(field, values, fields)) {
        problems.push({ field: path, message: `${field.label}${where} is required: enter a value or map one` });
      }
      continue;
    }
    if (field.type === "conditions") {
      problems.push(
        ...conditionsProblems(value).map((message) => ({ field: path, message: `${field.label}${where} ${message}` })),
      );
      continue;
    }
    if (field.type === "list" && field.itemFields) {
      problems.push(...listItemProblems(value, field, [...at, field.name]));
      continue;
    }
    if (isFixedValue(value)) {
      const coerced = coerceFieldValue(value, field);
      if (!coerced.ok) problems.push({ field: path, message: `${field.label}${where} ${coerced.reason}` });
    }
  }
  return problems;
}

function listItemProblems(value: unknown, list: FieldSpec, at: (string | number)[]): FieldProblem[] {
  const itemFields = list.itemFields ?? [];
  if (isEachMapping(value)) {
    // `[]` stands for "each mapped item": the problem is in the one `map` every item shares.
    const eachAt = [...at.slice(0, -1), `${at.at(-1)}[]`];
    const unchosen = isUnchosenEachSource(readOwn(value, "$each"))
      ? [{ field: formatFieldPath(at), message: `${list.label}: choose the list to repeat over` }]
      : [];
    return [...unchosen, ...fieldProblems(readOwn(value, "map"), itemFields, eachAt, ` (${list.label}, every row)`)];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) =>
    fieldProblems(item, itemFields, [...at, index], ` (${list.label}, row ${index + 1})`),
  );
}

/** Required, or required by another field's fixed value (a mapped condition is only known at run time). */
function isRequired(field: FieldSpec, values: PlainObject, fields: readonly FieldSpec[]): boolean {
  return (
    field.required === true || (field.requiredWhen !== undefined && fieldRuleHolds(field.requiredWhen, values, fields))
  );
}

function isUnset(value: unknown, field: FieldSpec): boolean {
  return isEmptyFieldValue(value, field) || (Array.isArray(value) && value.length === 0);
}

/** `["LineItems", "$map", "UnitAmount"]` → `LineItems[].UnitAmount`; `$each` sources stay on their field. */
export function fieldOf(at: (string | number)[]): string {
  const segments: (string | number)[] = [];
  for (const segment of at) {
    if (segment === "$each") break;
    if (segment === "$map") segments.push(`${segments.pop() ?? ""}[]`);
    else segments.push(segment);
  }
  return formatFieldPath(segments);
}
