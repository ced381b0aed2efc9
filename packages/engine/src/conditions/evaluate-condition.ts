// Decides one condition and says why, as data a bookkeeper can check against the record:
//   total ("1,200.50" read as 1200.5) > 1000
//   total ("abc") is not a number, so "> 1000" does not hold
// The left value is read as the operator's type (text, number, date, yes/no, list); a value that
// cannot be read never holds — not even for "≠" or "is not before" — because a filter that lets an
// unreadable amount through is worse than one that stops it. Only empty text is a value for text
// operators ("is not", "does not contain" hold for a missing status), and a missing list is an empty one.
import type { Condition } from "./condition-schema";
import { OPERATORS, type OperatorKey } from "./operators";
import { readBoolean } from "./read-boolean";
import { type DayNumber, formatDay, readDay } from "./read-date";
import { readCount, readNumber } from "./read-number";
import { items, quote, showValue } from "./show-value";
import { isEmptyValue, readText } from "./text-rule";

export interface ConditionResult {
  passed: boolean;
  explanation: string;
}

/** Today's day, asked for only by "within the last/next N days" (it costs a time-zone lookup). */
export type Today = () => DayNumber;

/** How many "is one of" choices an explanation lists before "and N more". */
const SHOWN_CHOICES = 5;

export function evaluateCondition(condition: Condition, today: Today): ConditionResult {
  const { left, operator, right } = condition;
  const spec = OPERATORS[operator];
  const subject = `${left.label} (${showValue(left.value)})`;
  const decided = (passed: boolean, described = subject, rightShown = ""): ConditionResult => ({
    passed,
    explanation: `${described} ${passed ? spec.holds : spec.fails}${rightShown}`,
  });
  const unreadable = (noun: string, rightShown = ""): ConditionResult => ({
    passed: false,
    explanation: `${subject} is not ${noun}, so ${quoteCondition(operator, `${spec.holds}${rightShown}`)} does not hold`,
  });
  const noRight = (noun: string): ConditionResult => ({
    passed: false,
    explanation: `${subject} cannot be compared: ${showValue(right)} is not ${noun} to compare with`,
  });

  switch (operator) {
    case "text.isEmpty":
    case "text.isNotEmpty": {
      const empty = isEmptyValue(left.value);
      return decided(operator === "text.isEmpty" ? empty : !empty);
    }
    case "text.is":
    case "text.isNot":
    case "text.contains":
    case "text.doesNotContain":
    case "text.startsWith":
    case "text.endsWith": {
      const wanted = readSearchText(right);
      if (wanted === undefined) return noRight("text");
      const rightShown = ` ${quote(String(right))}`;
      const text = readText(left.value);
      if (text === undefined) return unreadable("text", rightShown);
      return decided(TEXT_TESTS[operator](text, wanted), subject, rightShown);
    }
    case "text.isOneOf": {
      const choices = Array.isArray(right) ? right.map(readSearchText) : [];
      if (choices.length === 0 || choices.includes(undefined)) return noRight("a list of texts");
      const rightShown = ` ${showChoices(right as unknown[])}`;
      const text = readText(left.value);
      if (text === undefined) return unreadable("text", rightShown);
      return decided(choices.includes(text), subject, rightShown);
    }
    case "number.eq":
    case "number.ne":
    case "number.lt":
    case "number.lte":
    case "number.gt":
    case "number.gte": {
      const limit = readNumber(right);
      if (limit === undefined) return noRight("a number");
      const number = readNumber(left.value);
      if (number === undefined) return unreadable("a number", ` ${limit}`);
      const described = typeof left.value === "number" ? subject : readAs(left.label, left.value, String(number));
      return decided(NUMBER_TESTS[operator](number, limit), described, ` ${limit}`);
    }
    case "date.before":
    case "date.after":
    case "date.on": {
      const limit = readDay(right);
      if (limit === undefined) return noRight("a date");
      const rightShown = ` ${formatDay(limit)}`;
      const day = readDay(left.value);
      if (day === undefined) return unreadable("a date", rightShown);
      return decided(DAY_TESTS[operator](day, limit), readAs(left.label, left.value, formatDay(day)), rightShown);
    }
    case "date.withinLastDays":
    case "date.withinNextDays": {
      const days = readCount(right);
      if (days === undefined) return noRight("a whole number of days");
      const rightShown = ` ${days === 1 ? "1 day" : `${days} days`}`;
      const day = readDay(left.value);
      if (day === undefined) return unreadable("a date", rightShown);
      const from = operator === "date.withinLastDays" ? today() - days : today();
      const passed = day >= from && day <= from + days;
      return decided(passed, readAs(left.label, left.value, formatDay(day)), rightShown);
    }
    case "boolean.isTrue":
    case "boolean.isFalse": {
      const flag = readBoolean(left.value);
      if (flag === undefined) return unreadable("yes or no");
      const described = typeof left.value === "boolean" ? subject : readAs(left.label, left.value, String(flag));
      return decided(flag === (operator === "boolean.isTrue"), described);
    }
    case "value.exists":
    case "value.doesNotExist": {
      const exists = left.value !== undefined && left.value !== null;
      return decided(operator === "value.exists" ? exists : !exists);
    }
    case "list.contains": {
      const wanted = readSearchText(right);
      if (wanted === undefined) return noRight("text");
      const rightShown = ` ${quote(String(right))}`;
      const list = readList(left.value);
      if (list === undefined) return unreadable("a list", rightShown);
      // Records and lists inside never match: "contains" compares items, it does not search within them.
      return decided(
        list.some((item) => readText(item) === wanted),
        subject,
        rightShown,
      );
    }
    case "list.isEmpty":
    case "list.isNotEmpty": {
      const list = readList(left.value);
      if (list === undefined) return unreadable("a list");
      return decided(operator === "list.isEmpty" ? list.length === 0 : list.length > 0);
    }
    case "list.lengthEq":
    case "list.lengthLt":
    case "list.lengthGt": {
      const count = readCount(right);
      if (count === undefined) return noRight("a whole number of items");
      const rightShown = ` ${items(count)}`;
      const list = readList(left.value);
      if (list === undefined) return unreadable("a list", rightShown);
      return decided(COUNT_TESTS[operator](list.length, count), subject, rightShown);
    }
  }
}

type TextComparison =
  | "text.is"
  | "text.isNot"
  | "text.contains"
  | "text.doesNotContain"
  | "text.startsWith"
  | "text.endsWith";

const TEXT_TESTS: Record<TextComparison, (text: string, wanted: string) => boolean> = {
  "text.is": (text, wanted) => text === wanted,
  "text.isNot": (text, wanted) => text !== wanted,
  "text.contains": (text, wanted) => text.includes(wanted),
  "text.doesNotContain": (text, wanted) => !text.includes(wanted),
  "text.startsWith": (text, wanted) => text.startsWith(wanted),
  "text.endsWith": (text, wanted) => text.endsWith(wanted),
};

const NUMBER_TESTS: Record<Extract<OperatorKey, `number.${string}`>, (number: number, limit: number) => boolean> = {
  "number.eq": (number, limit) => number === limit,
  "number.ne": (number, limit) => number !== limit,
  "number.lt": (number, limit) => number < limit,
  "number.lte": (number, limit) => number <= limit,
  "number.gt": (number, limit) => number > limit,
  "number.gte": (number, limit) => number >= limit,
};

// Days are day numbers and lengths are counts, so both compare as numbers do.
const DAY_TESTS = {
  "date.before": NUMBER_TESTS["number.lt"],
  "date.after": NUMBER_TESTS["number.gt"],
  "date.on": NUMBER_TESTS["number.eq"],
};

const COUNT_TESTS = {
  "list.lengthEq": NUMBER_TESTS["number.eq"],
  "list.lengthLt": NUMBER_TESTS["number.lt"],
  "list.lengthGt": NUMBER_TESTS["number.gt"],
};

/** A right side worth comparing with; empty text is none ("contains nothing" would hold for everything). */
function readSearchText(value: unknown): string | undefined {
  if (Array.isArray(value)) return undefined;
  const text = readText(value);
  return text === "" ? undefined : text;
}

/** Only a JSON list is a list; a missing one is empty (no line items), anything else is not a list. */
function readList(value: unknown): readonly unknown[] | undefined {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : undefined;
}

/** `total ("1,200.50" read as 1200.5)`: the value as it came, then as compared. */
function readAs(label: string, value: unknown, read: string): string {
  return `${label} (${showValue(value)} read as ${read})`;
}

function showChoices(choices: unknown[]): string {
  const shown = choices.slice(0, SHOWN_CHOICES).map((choice) => quote(String(choice)));
  const more = choices.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

/**
 * `"> 1000"` in quotes, so the operator reads as one thing; a text condition's own quotes already
 * mark where the compared text is, so it is left bare: `contains "paid"`.
 */
function quoteCondition(operator: OperatorKey, phrase: string): string {
  const rightKind = OPERATORS[operator].right;
  return rightKind === "text" || rightKind === "texts" ? phrase : `"${phrase}"`;
}
