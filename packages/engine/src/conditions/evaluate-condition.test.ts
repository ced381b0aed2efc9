// Every operator, table-driven: typed readings, coercions and the outcome for empty and missing values.
import { describe, expect, it } from "vitest";
import type { Condition } from "./condition-schema";
import { evaluateCondition } from "./evaluate-condition";
import { OPERATOR_KEYS, type OperatorKey } from "./operators";
import { readDay } from "./read-date";

/** 3 Dec 2026, fixed so "within the last N days" is the same on every day the tests run. */
const TODAY = readDay("2026-12-03")!;

function holds(operator: OperatorKey, value: unknown, right?: Condition["right"]): boolean {
  return evaluateCondition({ left: { label: "x", value }, operator, right }, () => TODAY).passed;
}

type Row = [value: unknown, right: Condition["right"], expected: boolean];

const TABLE: Record<OperatorKey, Row[]> = {
  "text.is": [
    ["Paid", "paid", true], // letter case never matters
    ["  PAID\n", "paid", true], // nor the blanks around a value
    ["Paid", " Paid ", true],
    ["Paid in full", "paid", false],
    ["Cafe\u0301", "Café", true], // one Unicode form
    [12.5, "12.5", true],
    [true, "TRUE", true],
    ["x", 12, false],
  ],
  "text.isNot": [
    ["Paid", "draft", true],
    ["PAID", "paid", false],
    [undefined, "paid", true], // a missing status is not "paid"
    [["paid"], "paid", false], // a list is not text
  ],
  "text.contains": [
    ["INV-0042 (Acme)", "acme", true],
    ["INV-0042", "0043", false],
    [42, "4", true],
    [{ name: "acme" }, "acme", false], // records are not searched
  ],
  "text.doesNotContain": [
    ["INV-0042", "draft", true],
    ["Draft invoice", "DRAFT", false],
    [null, "draft", true],
  ],
  "text.startsWith": [
    ["INV-0042", "inv-", true],
    ["  inv-0042", "INV", true],
    ["BILL-7", "inv", false],
  ],
  "text.endsWith": [
    ["ana@example.com", "@EXAMPLE.com", true],
    ["ana@example.org", ".com", false],
  ],
  "text.isEmpty": [
    [" \n ", undefined, true],
    [{}, undefined, true],
    [0, undefined, false],
    [false, undefined, false],
    ["a", undefined, false],
  ],
  "text.isNotEmpty": [
    ["a", undefined, true],
    [0, undefined, true],
    ["  ", undefined, false],
    [[1], undefined, true],
  ],
  "text.isOneOf": [
    ["Authorised", ["PAID", "authorised"], true],
    ["Draft", ["paid", "authorised"], false],
    [2, ["1", 2], true],
    [[2], ["2"], false],
  ],
  "number.eq": [
    ["1,200.50", 1200.5, true],
    ["1200.5", "1,200.50", true],
    [1200.5, "1200.50", true],
    [" 1200 ", 1200, true],
    ["1.200,50", 1200.5, false], // refused, not read as 1.2005
    [0, 0, true],
  ],
  "number.ne": [
    [5, 6, true],
    ["5", 5, false],
    ["abc", 5, false], // not a number never holds, not even "≠"
  ],
  "number.lt": [
    ["-3", 0, true],
    [0, 0, false],
  ],
  "number.lte": [
    [0, 0, true],
    ["0.01", 0, false],
  ],
  "number.gt": [
    ["1,200.50", 1000, true],
    [1000, 1000, false],
    ["$1,200", 1000, false],
    [true, 0, false],
  ],
  "number.gte": [
    [1000, "1,000", true],
    [999.99, 1000, false],
  ],
  "date.before": [
    ["2026-11-30", "2026-12-01", true],
    ["2026-12-01T09:00:00Z", "2026-12-01", false], // the same day is not before it
    ["/Date(1767225600000+0000)/", "2026-01-02", true], // 1 Jan 2026, as Xero sends it
    [1764460800000, "2026-12-01", true], // 30 Nov 2026 as epoch ms
  ],
  "date.after": [
    ["/Date(1767225600000+0000)/", "2025-12-31", true],
    ["/Date(1767225600000+0000)/", "2026-01-01", false],
    ["2026-12-01", "2026-12-01", false],
  ],
  "date.on": [
    ["2026-12-01T23:30:00+13:00", "2026-12-01", true],
    ["2026-12-01T10:00:00Z", "2026-12-01T22:00", true],
    ["2026-12-02", "2026-12-01", false],
    ["1 Dec 2026", "2026-12-01", false],
  ],
  "date.withinLastDays": [
    ["2026-12-03", 7, true], // today counts
    ["2026-11-26", 7, true],
    ["2026-11-25", 7, false],
    ["2026-12-04", 7, false], // the future is not the last 7 days
    ["2026-12-03", 0, true],
    ["2026-11-30", "3", true],
  ],
  "date.withinNextDays": [
    ["2026-12-03", 7, true],
    ["2026-12-10", 7, true],
    ["2026-12-11", 7, false],
    ["2026-12-02", 7, false],
  ],
  "boolean.isTrue": [
    [true, undefined, true],
    ["Yes", undefined, true],
    [1, undefined, true],
    ["false", undefined, false],
    ["maybe", undefined, false],
  ],
  "boolean.isFalse": [
    [false, undefined, true],
    [" no ", undefined, true],
    ["0", undefined, true],
    [true, undefined, false],
    ["maybe", undefined, false],
  ],
  "value.exists": [
    ["", undefined, true], // found, though empty: "is not empty" is the other question
    [0, undefined, true],
    [false, undefined, true],
    [[], undefined, true],
  ],
  "value.doesNotExist": [
    ["", undefined, false],
    [{}, undefined, false],
  ],
  "list.contains": [
    [["Urgent", "VIP"], "vip", true],
    [[1, 2, 3], 2, true],
    [[1, 2, 3], "4", false],
    [[{ tag: "vip" }], "vip", false], // items are compared, not searched
    [[["vip"]], "vip", false],
    ["vip", "vip", false], // text is not a list
  ],
  "list.isEmpty": [
    [[], undefined, true],
    [[null], undefined, false],
    ["", undefined, false], // text is not a list
  ],
  "list.isNotEmpty": [
    [[0], undefined, true],
    [[], undefined, false],
    [{ a: 1 }, undefined, false],
  ],
  "list.lengthEq": [
    [[1, 2, 3], 3, true],
    [[1, 2, 3], "3", true],
    [[1, 2], 3, false],
  ],
  "list.lengthLt": [
    [[1, 2], 3, true],
    [[1, 2, 3], 3, false],
  ],
  "list.lengthGt": [
    [[1, 2, 3, 4], 3, true],
    [[1, 2, 3], 3, false],
  ],
};

/**
 * What a missing (undefined), null or blank value gives for every operator: the empty ones hold,
 * typed comparisons do not, text negations do (nothing is not "paid"), and a missing list is empty.
 */
const EMPTY_OUTCOMES: Record<OperatorKey, [right: Condition["right"], missing: boolean, blank: boolean]> = {
  "text.is": ["paid", false, false],
  "text.isNot": ["paid", true, true],
  "text.contains": ["paid", false, false],
  "text.doesNotContain": ["paid", true, true],
  "text.startsWith": ["paid", false, false],
  "text.endsWith": ["paid", false, false],
  "text.isEmpty": [undefined, true, true],
  "text.isNotEmpty": [undefined, false, false],
  "text.isOneOf": [["paid"], false, false],
  "number.eq": [0, false, false],
  "number.ne": [0, false, false],
  "number.lt": [0, false, false],
  "number.lte": [0, false, false],
  "number.gt": [0, false, false],
  "number.gte": [0, false, false],
  "date.before": ["2026-12-01", false, false],
  "date.after": ["2026-12-01", false, false],
  "date.on": ["2026-12-01", false, false],
  "date.withinLastDays": [7, false, false],
  "date.withinNextDays": [7, false, false],
  "boolean.isTrue": [undefined, false, false],
  "boolean.isFalse": [undefined, false, false],
  "value.exists": [undefined, false, true],
  "value.doesNotExist": [undefined, true, false],
  "list.contains": ["paid", false, false],
  "list.isEmpty": [undefined, true, false],
  "list.isNotEmpty": [undefined, false, false],
  "list.lengthEq": [0, true, false],
  "list.lengthLt": [1, true, false],
  "list.lengthGt": [0, false, false],
};

describe("every operator", () => {
  it("has rows in both tables", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...OPERATOR_KEYS].sort());
    expect(Object.keys(EMPTY_OUTCOMES).sort()).toEqual([...OPERATOR_KEYS].sort());
  });

  describe.each(OPERATOR_KEYS)("%s", (operator) => {
    it.each(TABLE[operator])("%j against %j → %s", (value, right, expected) => {
      expect(holds(operator, value, right)).toBe(expected);
    });

    it("has a defined outcome for a missing, null and blank value", () => {
      const [right, missing, blank] = EMPTY_OUTCOMES[operator];
      expect(holds(operator, undefined, right)).toBe(missing);
      // null is what the mapping found when the field is there but empty: the same as missing,
      // except that it "exists" as little as a missing field does.
      expect(holds(operator, null, right)).toBe(missing);
      expect(holds(operator, "  ", right)).toBe(blank);
    });
  });
});

describe("a right side that cannot be read at run time never holds", () => {
  it.each([
    ["text.contains", ""],
    ["text.isNot", "  "],
    ["text.isOneOf", []],
    ["text.isOneOf", ["paid", ""]],
    ["number.gt", "abc"],
    ["number.ne", undefined],
    ["date.before", "soon"],
    ["date.withinLastDays", -1],
    ["date.withinNextDays", 2.5],
    ["list.contains", ""],
    ["list.lengthGt", "many"],
  ] as [OperatorKey, Condition["right"]][])("%s against %j", (operator, right) => {
    expect(holds(operator, "1", right)).toBe(false);
    expect(holds(operator, ["1"], right)).toBe(false);
  });
});
