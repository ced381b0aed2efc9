import type { MappingObject, MappingValue, OperatorKey } from "@ledgerflow/engine";
import { isOperatorKey, rightKindOf } from "./condition-operators";

// A conditions field as the builder edits it, and back as the step's input (the engine's
// condition-schema.ts): `[{ conditions: [{ left: { label, value }, operator, right }] }]`. The builder
// keeps what it is given — a half-built condition is saved as it stands, and switch-on says what is
// missing — and writes nothing it did not get: no operator until one is chosen, no right side for an
// operator that compares with nothing, no value on the left until there is one.

export interface ConditionDraft {
  /** How the value is named in explanations ("total"). */
  label: string;
  /** The value to check: a `{{…}}` reference or typed text. */
  value: string;
  operator: OperatorKey | undefined;
  /** One value, or a list for "is one of"; as stored (text, a number, a `{{…}}` reference). */
  right: MappingValue | undefined;
}

export type ConditionGroupsDraft = ConditionDraft[][];

export const emptyCondition = (): ConditionDraft => ({ label: "", value: "", operator: undefined, right: undefined });

const asObject = (value: unknown): MappingObject | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as MappingObject) : undefined;

const asText = (value: unknown): string =>
  value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);

/** The stored groups, or one empty condition when there are none yet (an empty field starts with a row). */
export function readConditionGroups(value: MappingValue | undefined): ConditionGroupsDraft {
  const groups = Array.isArray(value) ? value : [];
  const read = groups
    .map((group) => {
      const conditions = asObject(group)?.conditions;
      return (Array.isArray(conditions) ? conditions : []).map(readCondition);
    })
    .filter((group) => group.length > 0);
  return read.length > 0 ? read : [[emptyCondition()]];
}

function readCondition(stored: MappingValue): ConditionDraft {
  const condition = asObject(stored) ?? {};
  const left = asObject(condition.left) ?? {};
  return {
    label: asText(left.label),
    value: asText(left.value),
    operator: isOperatorKey(condition.operator) ? condition.operator : undefined,
    right: condition.right,
  };
}

/** The step's input; an untouched builder (one empty condition) is no input at all. */
export function writeConditionGroups(groups: ConditionGroupsDraft): MappingValue | undefined {
  const only = groups.length === 1 && groups[0]?.length === 1 ? groups[0][0] : undefined;
  if (groups.length === 0 || (only && isEmptyCondition(only))) return undefined;
  return groups.map((conditions) => ({ conditions: conditions.map(writeCondition) }));
}

function writeCondition({ label, value, operator, right }: ConditionDraft): MappingObject {
  return {
    left: value === "" ? { label } : { label, value },
    ...(operator ? { operator } : {}),
    ...(right === undefined ? {} : { right }),
  };
}

function isEmptyCondition(condition: ConditionDraft): boolean {
  return condition.value === "" && condition.label === "" && !condition.operator && condition.right === undefined;
}

/**
 * The name a value is explained by, from what it is: `{{trigger.body.total}}` → "total",
 * `{{trigger.record.LineItems[0].Quantity}}` → "Quantity", typed text → the text.
 */
export function labelFor(value: string): string {
  const reference = /\{\{\s*([^}]*?)\s*\}\}/.exec(value)?.[1];
  if (reference === undefined) return value.trim().slice(0, 100);
  const segments = reference.split(/[.[\]'"]+/).filter((segment) => segment !== "" && !/^\d+$/.test(segment));
  return (segments.at(-1) ?? "value").slice(0, 100);
}

/**
 * A new value to check. The name follows the value while it is the one the builder gave (or none),
 * so picking "total" names it "total"; a name the person wrote stays.
 */
export function withValue(condition: ConditionDraft, value: string): ConditionDraft {
  const named = condition.label !== "" && condition.label !== labelFor(condition.value);
  return { ...condition, value, label: named ? condition.label : labelFor(value) };
}

/** A new operator, keeping what the right side can still mean: "paid" becomes ["paid"] for "is one of". */
export function withOperator(condition: ConditionDraft, operator: OperatorKey): ConditionDraft {
  const kind = rightKindOf(operator);
  const { right } = condition;
  const values = (Array.isArray(right) ? right : right === undefined ? [] : [right]).filter((item) => item !== "");
  const next =
    kind === "none"
      ? undefined
      : kind === "texts"
        ? values.length > 0
          ? values
          : undefined
        : Array.isArray(right)
          ? values[0]
          : right;
  return { ...condition, operator, right: next };
}

/** Where a condition is: its group and its place in the group, from 0. */
export interface ConditionPlace {
  group: number;
  condition: number;
}

export function updateCondition(
  groups: ConditionGroupsDraft,
  at: ConditionPlace,
  change: (condition: ConditionDraft) => ConditionDraft,
): ConditionGroupsDraft {
  return groups.map((conditions, group) =>
    group === at.group
      ? conditions.map((condition, index) => (index === at.condition ? change(condition) : condition))
      : conditions,
  );
}

/** "+ And": one more condition in the group. */
export function addCondition(groups: ConditionGroupsDraft, group: number): ConditionGroupsDraft {
  return groups.map((conditions, index) => (index === group ? [...conditions, emptyCondition()] : conditions));
}

/** "+ Or": a new group, started with one condition. */
export function addGroup(groups: ConditionGroupsDraft): ConditionGroupsDraft {
  return [...groups, [emptyCondition()]];
}

/** Removing the last condition of a group removes the group. */
export function removeCondition(groups: ConditionGroupsDraft, at: ConditionPlace): ConditionGroupsDraft {
  return groups
    .map((conditions, group) =>
      group === at.group ? conditions.filter((_, index) => index !== at.condition) : conditions,
    )
    .filter((conditions) => conditions.length > 0);
}
