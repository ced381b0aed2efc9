import { describe, expect, it } from "vitest";
import { conditionGroupsSchema, MAX_CONDITION_GROUPS, MAX_CONDITIONS_PER_GROUP } from "./condition-schema";

const total = { label: "total", value: "{{trigger.record.Total}}" };
const condition = { left: total, operator: "number.gt", right: 1000 };

/** Each problem as `path: message`, so a test reads which field was refused and why. */
function problems(groups: unknown): string[] {
  const result = conditionGroupsSchema.safeParse(groups);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("conditionGroupsSchema", () => {
  it("accepts groups of conditions, with the right side only where the operator takes one", () => {
    const groups = [
      { conditions: [condition, { left: total, operator: "value.exists" }] },
      { conditions: [{ left: { label: "status" }, operator: "text.isOneOf", right: ["PAID", "AUTHORISED"] }] },
      { conditions: [{ left: { label: "due date", value: null }, operator: "date.withinNextDays", right: "7" }] },
    ];
    expect(problems(groups)).toEqual([]);
  });

  it.each([
    [
      "an unknown operator",
      [{ conditions: [{ ...condition, operator: "text.matches" }] }],
      '0.conditions.0.operator: "text.matches" is not a known operator',
    ],
    [
      "a prototype name as operator",
      [{ conditions: [{ ...condition, operator: "constructor" }] }],
      '0.conditions.0.operator: "constructor" is not a known operator',
    ],
    [
      "a missing right value",
      [{ conditions: [{ left: total, operator: "number.gt" }] }],
      '0.conditions.0.right: ">" needs a number like 1000 or 1,200.50',
    ],
    [
      "a right value that is no number",
      [{ conditions: [{ ...condition, right: "1.000,00" }] }],
      '0.conditions.0.right: ">" needs a number like 1000 or 1,200.50, not "1.000,00"',
    ],
    [
      "a right value for an operator that takes none",
      [{ conditions: [{ left: total, operator: "text.isEmpty", right: "" }] }],
      '0.conditions.0.right: "is empty" compares with nothing, so takes no value',
    ],
    [
      "empty text to look for",
      [{ conditions: [{ left: total, operator: "text.contains", right: "  " }] }],
      '0.conditions.0.right: "contains" needs text to compare with, not "  "',
    ],
    [
      "an empty choice",
      [{ conditions: [{ left: total, operator: "text.isOneOf", right: ["paid", ""] }] }],
      '0.conditions.0.right: "is one of" needs a list of texts to choose from, not a list of 2 items',
    ],
    [
      "a window of more than ten years",
      [{ conditions: [{ left: total, operator: "date.withinLastDays", right: 3651 }] }],
      '0.conditions.0.right: "is within the last" needs a whole number of days from 0 to 3650, not 3651',
    ],
    [
      "a date that is no date",
      [{ conditions: [{ left: total, operator: "date.before", right: "2026-02-30" }] }],
      '0.conditions.0.right: "is before" needs a date like 2026-12-01, not "2026-02-30"',
    ],
    [
      "a condition without a label",
      [{ conditions: [{ ...condition, left: { label: " ", value: 1 } }] }],
      "0.conditions.0.left.label: needs a name to explain the condition by",
    ],
    ["an empty group", [{ conditions: [] }], "0.conditions: a group needs at least one condition"],
    ["no group", [], ": needs at least one group of conditions"],
    [
      "too many conditions in a group",
      [{ conditions: Array.from({ length: MAX_CONDITIONS_PER_GROUP + 1 }, () => condition) }],
      "0.conditions: a group holds at most 20 conditions",
    ],
    [
      "too many groups",
      Array.from({ length: MAX_CONDITION_GROUPS + 1 }, () => ({ conditions: [condition] })),
      ": at most 10 groups of conditions",
    ],
  ])("refuses %s, naming the field", (_, groups, expected) => {
    expect(problems(groups)).toEqual([expected]);
  });

  it("accepts the caps themselves", () => {
    const full = Array.from({ length: MAX_CONDITION_GROUPS }, () => ({
      conditions: Array.from({ length: MAX_CONDITIONS_PER_GROUP }, () => condition),
    }));
    expect(problems(full)).toEqual([]);
  });
});
