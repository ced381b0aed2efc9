import { describe, expect, it } from "vitest";
import type { Condition, ConditionGroups } from "./condition-schema";
import { evaluateConditions } from "./evaluate-conditions";

const NOW = new Date("2026-12-03T09:00:00Z");

const yes: Condition = { left: { label: "paid", value: true }, operator: "boolean.isTrue" };
const no: Condition = { left: { label: "paid", value: false }, operator: "boolean.isTrue" };
const passes = (groups: ConditionGroups) => evaluateConditions(groups, NOW).passed;

describe("AND inside a group, OR between groups", () => {
  it.each([
    [[[yes]], true],
    [[[no]], false],
    [[[yes, yes]], true],
    [[[yes, no]], false],
    [[[no], [yes]], true],
    [
      [
        [no, yes],
        [yes, no],
      ],
      false,
    ],
    [[[no], [no], [yes, yes]], true],
  ])("%#", (groups, expected) => {
    expect(passes(groups.map((conditions) => ({ conditions })))).toBe(expected);
  });

  it("decides and explains every condition, also after the outcome is known", () => {
    const result = evaluateConditions([{ conditions: [no, yes] }, { conditions: [yes] }], NOW);
    expect(result).toEqual({
      passed: true,
      groups: [
        {
          passed: false,
          conditions: [
            { passed: false, explanation: "paid (false) is not true" },
            { passed: true, explanation: "paid (true) is true" },
          ],
        },
        { passed: true, conditions: [{ passed: true, explanation: "paid (true) is true" }] },
      ],
    });
  });
});

function explain(condition: Condition, now = NOW, timeZone?: string): string {
  return evaluateConditions([{ conditions: [condition] }], now, timeZone).groups[0]!.conditions[0]!.explanation;
}

describe("explanations read as data", () => {
  it.each<[Condition, string]>([
    [
      { left: { label: "total", value: "1,200.50" }, operator: "number.gt", right: 1000 },
      'total ("1,200.50" read as 1200.5) > 1000',
    ],
    [{ left: { label: "total", value: 500 }, operator: "number.gt", right: "1,000" }, "total (500) ≤ 1000"],
    [
      { left: { label: "total", value: "abc" }, operator: "number.gt", right: 1000 },
      'total ("abc") is not a number, so "> 1000" does not hold',
    ],
    [
      { left: { label: "total" }, operator: "number.gte", right: 1000 },
      'total (no value) is not a number, so "≥ 1000" does not hold',
    ],
    [
      { left: { label: "due date", value: "2026-12-01" }, operator: "date.withinLastDays", right: 7 },
      'due date ("2026-12-01" read as 1 Dec 2026) is within the last 7 days',
    ],
    [
      {
        left: { label: "due date", value: "/Date(1767225600000+0000)/" },
        operator: "date.before",
        right: "2026-01-01",
      },
      'due date ("/Date(1767225600000+0000)/" read as 1 Jan 2026) is not before 1 Jan 2026',
    ],
    [
      { left: { label: "due date", value: "next week" }, operator: "date.withinNextDays", right: 1 },
      'due date ("next week") is not a date, so "is within the next 1 day" does not hold',
    ],
    [
      { left: { label: "status", value: "PAID" }, operator: "text.contains", right: "draft" },
      'status ("PAID") does not contain "draft"',
    ],
    [
      { left: { label: "status", value: ["PAID"] }, operator: "text.is", right: "paid" },
      'status (a list of 1 item) is not text, so is "paid" does not hold',
    ],
    [
      {
        left: { label: "status", value: "Voided" },
        operator: "text.isOneOf",
        right: ["a", "b", "c", "d", "e", "f", "g"],
      },
      'status ("Voided") is not one of "a", "b", "c", "d", "e" and 2 more',
    ],
    [{ left: { label: "paid", value: "Yes" }, operator: "boolean.isTrue" }, 'paid ("Yes" read as true) is true'],
    [{ left: { label: "contact" }, operator: "value.exists" }, "contact (no value) does not exist"],
    [{ left: { label: "contact", value: { Name: "Acme" } }, operator: "value.exists" }, "contact (a record) exists"],
    [
      { left: { label: "line items", value: [1, 2, 3] }, operator: "list.lengthGt", right: 1 },
      "line items (a list of 3 items) has more than 1 item",
    ],
    [
      { left: { label: "tags", value: "vip" }, operator: "list.contains", right: "vip" },
      'tags ("vip") is not a list, so contains "vip" does not hold',
    ],
    [
      { left: { label: "total", value: 1200 }, operator: "number.gt", right: "lots" },
      'total (1200) cannot be compared: "lots" is not a number to compare with',
    ],
    [
      { left: { label: "note", value: `a "quoted"\nline that goes on and on and on` }, operator: "text.isNotEmpty" },
      'note ("a \\"quoted\\"\\nline that goes on and o…") is not empty',
    ],
  ])("%#: %s", (condition, expected) => {
    expect(explain(condition)).toBe(expected);
  });
});

describe("today is the flow's day", () => {
  // 20:00 UTC on 1 Dec is already 2 Dec in Auckland.
  const now = new Date("2026-12-01T20:00:00Z");
  const dueTomorrowInUtc: Condition = {
    left: { label: "due date", value: "2026-12-02" },
    operator: "date.withinLastDays",
    right: 0,
  };

  it("uses the time zone given, UTC by default", () => {
    expect(evaluateConditions([{ conditions: [dueTomorrowInUtc] }], now).passed).toBe(false);
    expect(evaluateConditions([{ conditions: [dueTomorrowInUtc] }], now, "Pacific/Auckland").passed).toBe(true);
  });

  it("is looked up only when a condition asks for it", () => {
    expect(evaluateConditions([{ conditions: [yes] }], new Date(Number.NaN), "Nowhere/Else").passed).toBe(true);
  });
});
