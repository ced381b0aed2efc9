// The operators a condition can use, keyed by stable names that are stored in flow definitions (so a
// key is never renamed, only added), with what each one compares against and how it reads aloud.

/** What an operator needs on its right side. */
export type RightKind =
  /** Nothing: the left value alone decides (is empty, is true, exists). */
  | "none"
  /** One piece of text, compared by the text rule. */
  | "text"
  /** A list of texts (is one of). */
  | "texts"
  /** A number, read by the strict number reader. */
  | "number"
  /** A date, read by the date reader. */
  | "date"
  /** A whole number of days (within the last/next N days). */
  | "days"
  /** A whole number of items (a list's length). */
  | "count";

interface OperatorSpec {
  right: RightKind;
  /** The phrase when the condition holds, e.g. "contains". */
  holds: string;
  /** The phrase when it does not, e.g. "does not contain"; for numbers the opposite comparison. */
  fails: string;
}

export const OPERATORS = {
  "text.is": { right: "text", holds: "is", fails: "is not" },
  "text.isNot": { right: "text", holds: "is not", fails: "is" },
  "text.contains": { right: "text", holds: "contains", fails: "does not contain" },
  "text.doesNotContain": { right: "text", holds: "does not contain", fails: "contains" },
  "text.startsWith": { right: "text", holds: "starts with", fails: "does not start with" },
  "text.endsWith": { right: "text", holds: "ends with", fails: "does not end with" },
  "text.isEmpty": { right: "none", holds: "is empty", fails: "is not empty" },
  "text.isNotEmpty": { right: "none", holds: "is not empty", fails: "is empty" },
  "text.isOneOf": { right: "texts", holds: "is one of", fails: "is not one of" },
  "number.eq": { right: "number", holds: "=", fails: "≠" },
  "number.ne": { right: "number", holds: "≠", fails: "=" },
  "number.lt": { right: "number", holds: "<", fails: "≥" },
  "number.lte": { right: "number", holds: "≤", fails: ">" },
  "number.gt": { right: "number", holds: ">", fails: "≤" },
  "number.gte": { right: "number", holds: "≥", fails: "<" },
  "date.before": { right: "date", holds: "is before", fails: "is not before" },
  "date.after": { right: "date", holds: "is after", fails: "is not after" },
  "date.on": { right: "date", holds: "is on", fails: "is not on" },
  "date.withinLastDays": { right: "days", holds: "is within the last", fails: "is not within the last" },
  "date.withinNextDays": { right: "days", holds: "is within the next", fails: "is not within the next" },
  "boolean.isTrue": { right: "none", holds: "is true", fails: "is not true" },
  "boolean.isFalse": { right: "none", holds: "is false", fails: "is not false" },
  "value.exists": { right: "none", holds: "exists", fails: "does not exist" },
  "value.doesNotExist": { right: "none", holds: "does not exist", fails: "exists" },
  "list.contains": { right: "text", holds: "contains", fails: "does not contain" },
  "list.isEmpty": { right: "none", holds: "is empty", fails: "is not empty" },
  "list.isNotEmpty": { right: "none", holds: "is not empty", fails: "is empty" },
  "list.lengthEq": { right: "count", holds: "has exactly", fails: "does not have exactly" },
  "list.lengthLt": { right: "count", holds: "has fewer than", fails: "does not have fewer than" },
  "list.lengthGt": { right: "count", holds: "has more than", fails: "does not have more than" },
} as const satisfies Record<string, OperatorSpec>;

export type OperatorKey = keyof typeof OPERATORS;

export const OPERATOR_KEYS = Object.keys(OPERATORS) as [OperatorKey, ...OperatorKey[]];

/**
 * The spec of a key, or undefined for anything else — including `constructor` or `__proto__`, which a
 * plain `OPERATORS[key]` would answer from the prototype.
 */
export function operatorSpec(key: string): OperatorSpec | undefined {
  return Object.hasOwn(OPERATORS, key) ? OPERATORS[key as OperatorKey] : undefined;
}
