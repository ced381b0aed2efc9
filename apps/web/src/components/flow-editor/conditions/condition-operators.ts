import { OPERATORS, type OperatorKey, type RightKind } from "@ledgerflow/engine";

// The condition builder's operators in a bookkeeper's words, grouped by the kind of value they read
// (the engine's `text.*`, `number.*`… prefixes). The engine's own phrases are for explanations
// ("total (900) ≤ 1000"); here each choice must read on its own in a list, so the words differ where
// the engine's would be a bare symbol or would appear twice ("is empty" for text and for lists).

export interface OperatorChoice {
  key: OperatorKey;
  /** What the dropdown shows: "is greater than". */
  label: string;
  /** The heading it is listed under: "Number". */
  group: string;
  /** The symbol the explanations use, for numbers (">"), shown beside the words. */
  hint?: string;
}

const GROUPS: Record<string, string> = {
  text: "Text",
  number: "Number",
  date: "Date",
  boolean: "Yes/no",
  value: "Any value",
  list: "List",
};

const WORDS: Record<OperatorKey, string> = {
  "text.is": "is",
  "text.isNot": "is not",
  "text.contains": "contains",
  "text.doesNotContain": "does not contain",
  "text.startsWith": "starts with",
  "text.endsWith": "ends with",
  "text.isEmpty": "is empty",
  "text.isNotEmpty": "is not empty",
  "text.isOneOf": "is one of",
  "number.eq": "is equal to",
  "number.ne": "is not equal to",
  "number.lt": "is less than",
  "number.lte": "is less than or equal to",
  "number.gt": "is greater than",
  "number.gte": "is greater than or equal to",
  "date.before": "is before",
  "date.after": "is after",
  "date.on": "is on",
  "date.withinLastDays": "is within the last … days",
  "date.withinNextDays": "is within the next … days",
  "boolean.isTrue": "is true",
  "boolean.isFalse": "is false",
  "value.exists": "exists",
  "value.doesNotExist": "does not exist",
  "list.contains": "contains the item",
  "list.isEmpty": "is an empty list",
  "list.isNotEmpty": "is not an empty list",
  "list.lengthEq": "has exactly … items",
  "list.lengthLt": "has fewer than … items",
  "list.lengthGt": "has more than … items",
};

/** Every operator, in the engine's order (text, number, date, yes/no, any value, list). */
export const OPERATOR_CHOICES: OperatorChoice[] = (Object.keys(OPERATORS) as OperatorKey[]).map((key) => ({
  key,
  label: WORDS[key],
  group: GROUPS[key.split(".")[0] ?? ""] ?? "Other",
  hint: key.startsWith("number.") ? OPERATORS[key].holds : undefined,
}));

/** What the operator compares with, or undefined for a key the engine does not know (or none yet). */
export function rightKindOf(operator: string | undefined): RightKind | undefined {
  return isOperatorKey(operator) ? OPERATORS[operator].right : undefined;
}

/** Own keys only: `constructor` or `__proto__` is no operator. */
export function isOperatorKey(operator: unknown): operator is OperatorKey {
  return typeof operator === "string" && Object.hasOwn(OPERATORS, operator);
}
