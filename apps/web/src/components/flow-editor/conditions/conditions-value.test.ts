import { conditionGroupsSchema, OPERATOR_KEYS } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { OPERATOR_CHOICES, rightKindOf } from "./condition-operators";
import {
  addCondition,
  addGroup,
  emptyCondition,
  labelFor,
  readConditionGroups,
  removeCondition,
  withOperator,
  withValue,
  writeConditionGroups,
} from "./conditions-value";

// The condition builder's model: what it reads from a step's input and writes back, in the shape
// the engine's schema reads.

const stored = [
  {
    conditions: [
      { left: { label: "total", value: "{{trigger.body.total}}" }, operator: "number.gt", right: 1000 },
      {
        left: { label: "status", value: "{{trigger.body.status}}" },
        operator: "text.isOneOf",
        right: ["paid", "sent"],
      },
    ],
  },
  {
    conditions: [{ left: { label: "tier", value: "{{trigger.body.tier}}" }, operator: "text.is", right: "wholesale" }],
  },
];

describe("the condition builder's value", () => {
  it("reads stored groups and writes them back as they were", () => {
    const groups = readConditionGroups(stored);
    expect(groups).toHaveLength(2);
    expect(groups[0]?.[1]).toEqual({
      label: "status",
      value: "{{trigger.body.status}}",
      operator: "text.isOneOf",
      right: ["paid", "sent"],
    });
    expect(writeConditionGroups(groups)).toEqual(stored);
  });

  it("starts an empty field with one empty condition, which is still no input", () => {
    for (const value of [undefined, [], "{{trigger.body.rules}}", [{ conditions: [] }]]) {
      expect(readConditionGroups(value)).toEqual([[emptyCondition()]]);
    }
    expect(writeConditionGroups([[emptyCondition()]])).toBeUndefined();
  });

  it("keeps a half-built condition without inventing an operator, a value or a right side", () => {
    const groups = [[{ ...emptyCondition(), label: "total" }]];
    expect(writeConditionGroups(groups)).toEqual([{ conditions: [{ left: { label: "total" } }] }]);
  });

  it("names a picked value after its last key, until the person names it", () => {
    expect(labelFor("{{trigger.body.total}}")).toBe("total");
    expect(labelFor("{{ trigger.record.LineItems[0].Quantity }}")).toBe("Quantity");
    expect(labelFor("{{steps.find.items.0}}")).toBe("items");
    expect(labelFor("  Paid  ")).toBe("Paid");
    const picked = withValue(emptyCondition(), "{{trigger.body.total}}");
    expect(picked.label).toBe("total");
    expect(withValue(picked, "{{trigger.body.amount}}").label).toBe("amount");
    const renamed = { ...picked, label: "order total" };
    expect(withValue(renamed, "{{trigger.body.amount}}").label).toBe("order total");
  });

  it("keeps the right side an operator can still use when the operator changes", () => {
    const text = {
      ...withValue(emptyCondition(), "{{trigger.body.status}}"),
      operator: "text.is" as const,
      right: "paid",
    };
    expect(withOperator(text, "text.isOneOf").right).toEqual(["paid"]);
    expect(withOperator(withOperator(text, "text.isOneOf"), "text.contains").right).toBe("paid");
    expect(withOperator(text, "value.exists").right).toBeUndefined();
    expect(withOperator({ ...text, right: undefined }, "text.isOneOf").right).toBeUndefined();
  });

  it("adds with And and Or, and removing a group's last condition removes the group", () => {
    let groups = readConditionGroups(stored);
    groups = addCondition(groups, 1);
    expect(groups.map((group) => group.length)).toEqual([2, 2]);
    groups = addGroup(groups);
    expect(groups.map((group) => group.length)).toEqual([2, 2, 1]);
    groups = removeCondition(groups, { group: 2, condition: 0 });
    groups = removeCondition(groups, { group: 0, condition: 0 });
    expect(groups.map((group) => group.length)).toEqual([1, 2]);
    expect(groups[0]?.[0]?.label).toBe("status");
    expect(removeCondition([[emptyCondition()]], { group: 0, condition: 0 })).toEqual([]);
    expect(writeConditionGroups([])).toBeUndefined();
  });

  it("writes what the engine's schema reads", () => {
    let condition = withValue(emptyCondition(), "{{trigger.body.total}}");
    condition = { ...withOperator(condition, "number.gt"), right: "1,000" };
    const written = writeConditionGroups([[condition]]);
    expect(conditionGroupsSchema.safeParse(written).success).toBe(true);
  });

  it("words every operator the engine has, once, under its kind", () => {
    expect(OPERATOR_CHOICES.map((choice) => choice.key)).toEqual(OPERATOR_KEYS);
    const shown = OPERATOR_CHOICES.map((choice) => choice.label);
    expect(new Set(shown).size).toBe(shown.length);
    expect(OPERATOR_CHOICES.find((choice) => choice.key === "number.gt")).toMatchObject({
      label: "is greater than",
      group: "Number",
      hint: ">",
    });
    expect(rightKindOf("constructor")).toBeUndefined();
    expect(rightKindOf("text.isOneOf")).toBe("texts");
  });
});
