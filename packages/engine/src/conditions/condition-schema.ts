// The shape of a Filter's or a Path's conditions, as stored and as evaluated: groups of conditions,
// every condition of a group must hold (AND), and one group holding is enough (OR) — as Zapier
// builds them. A condition's left side is a value with the label it is explained by; at run time the
// step has already resolved it from its mapping, so it may be any JSON value. The right side is
// checked against what the operator compares with, so a filter that can never be read is refused
// when it is saved, not discovered in a run.
import { z } from "zod";
import { OPERATOR_KEYS, OPERATORS, type OperatorKey, type RightKind } from "./operators";
import { readDay } from "./read-date";
import { readCount, readNumber } from "./read-number";
import { showValue } from "./show-value";
import { readText } from "./text-rule";

/** Ten ways through with twenty checks each is more than any filter a person can still read. */
export const MAX_CONDITION_GROUPS = 10;
export const MAX_CONDITIONS_PER_GROUP = 20;
export const MAX_ONE_OF_ITEMS = 100;
/** "Within the last N days" up to ten years: longer is no window but a typo. */
export const MAX_DAYS = 3650;
const MAX_TEXT_LENGTH = 1000;
const MAX_LABEL_LENGTH = 100;

const scalarSchema = z.union([z.string().max(MAX_TEXT_LENGTH), z.number(), z.boolean()]);

const leftSchema = z.object({
  /** How the value is named in explanations, e.g. "total" or "due date". */
  label: z.string().trim().min(1, "needs a name to explain the condition by").max(MAX_LABEL_LENGTH),
  /** The resolved value; absent when the mapping found nothing. */
  value: z.unknown().optional(),
});

export const conditionSchema = z
  .object({
    left: leftSchema,
    operator: z.enum(OPERATOR_KEYS, {
      error: (issue) =>
        issue.input === undefined || issue.input === ""
          ? "choose how to compare"
          : `${JSON.stringify(issue.input)} is not a known operator`,
    }),
    right: z.union([scalarSchema, z.array(scalarSchema).max(MAX_ONE_OF_ITEMS)]).optional(),
  })
  .superRefine((condition, context) => {
    const problem = rightProblem(condition.operator, condition.right);
    if (problem) context.addIssue({ code: "custom", path: ["right"], message: problem });
  });

export const conditionGroupSchema = z.object({
  conditions: z
    .array(conditionSchema)
    .min(1, "a group needs at least one condition")
    .max(MAX_CONDITIONS_PER_GROUP, `a group holds at most ${MAX_CONDITIONS_PER_GROUP} conditions`),
});

export const conditionGroupsSchema = z
  .array(conditionGroupSchema)
  .min(1, "needs at least one group of conditions")
  .max(MAX_CONDITION_GROUPS, `at most ${MAX_CONDITION_GROUPS} groups of conditions`);

export type Condition = z.infer<typeof conditionSchema>;
export type ConditionGroup = z.infer<typeof conditionGroupSchema>;
export type ConditionGroups = z.infer<typeof conditionGroupsSchema>;

/** An operator as a bookkeeper reads it in a message: "is greater than" is said ">" in explanations too. */
function said(operator: OperatorKey): string {
  const { holds } = OPERATORS[operator];
  // Phrases shared by several types ("is", "is empty") name the type, so the message points at one row.
  const type = operator.split(".", 1)[0];
  return ["is", "is not", "is empty", "is not empty", "contains", "does not contain"].includes(holds) && type !== "text"
    ? `${holds} (${type})`
    : holds;
}

/** Why `right` cannot serve `operator`, or undefined when it can. */
function rightProblem(operator: OperatorKey, right: unknown): string | undefined {
  const kind: RightKind = OPERATORS[operator].right;
  if (kind === "none") {
    return right === undefined ? undefined : `"${said(operator)}" compares with nothing, so takes no value`;
  }
  if (right === undefined) return `"${said(operator)}" needs ${RIGHT_NEEDS[kind]}`;
  return readsAs(kind, right) ? undefined : `"${said(operator)}" needs ${RIGHT_NEEDS[kind]}, not ${showValue(right)}`;
}

const RIGHT_NEEDS: Record<Exclude<RightKind, "none">, string> = {
  text: "text to compare with",
  texts: "a list of texts to choose from",
  number: "a number like 1000 or 1,200.50",
  date: "a date like 2026-12-01",
  days: `a whole number of days from 0 to ${MAX_DAYS}`,
  count: "a whole number of items, 0 or more",
};

/** Whether a right value is readable for its kind; the evaluator explains the same cases at run time. */
function readsAs(kind: Exclude<RightKind, "none">, right: unknown): boolean {
  switch (kind) {
    case "text":
      return isSearchText(right);
    case "texts":
      return Array.isArray(right) && right.length > 0 && right.every(isSearchText);
    case "number":
      return readNumber(right) !== undefined;
    case "date":
      return readDay(right) !== undefined;
    case "days": {
      const days = readCount(right);
      return days !== undefined && days <= MAX_DAYS;
    }
    case "count":
      return readCount(right) !== undefined;
  }
}

/** Text worth comparing with: "contains nothing" would let every run through. */
function isSearchText(value: unknown): boolean {
  return !Array.isArray(value) && (readText(value) ?? "") !== "";
}
