import { describe, expect, it } from "vitest";
import { describeConditions } from "./describe-conditions";

// A path's conditions as the editor summarises them under its name.

describe("conditions in words", () => {
  it("reads groups as 'and' inside, 'or' between, references by their name", () => {
    expect(
      describeConditions([
        {
          conditions: [
            { left: { label: "total", value: "{{trigger.body.total}}" }, operator: "number.gt", right: 100 },
            { left: { label: "method", value: "{{trigger.body.method}}" }, operator: "text.is", right: "card" },
          ],
        },
        {
          conditions: [
            {
              left: { label: "tier", value: "{{trigger.body.tier}}" },
              operator: "text.isOneOf",
              right: ["wholesale", "trade"],
            },
          ],
        },
      ]),
    ).toBe("total is greater than 100 and method is card, or tier is one of wholesale, trade");
  });

  it("puts a number where the operator's words have room for it, and nothing for operators without one", () => {
    expect(
      describeConditions([
        {
          conditions: [
            { left: { label: "paid", value: "{{trigger.body.paidOn}}" }, operator: "date.withinLastDays", right: 7 },
            { left: { label: "email", value: "{{trigger.body.email}}" }, operator: "value.exists" },
            { left: { label: "limit", value: "{{trigger.body.a}}" }, operator: "number.lt", right: "{{steps.x.max}}" },
          ],
        },
      ]),
    ).toBe("paid is within the last 7 days and email exists and limit is less than max");
  });

  it("shows what is not chosen yet as …, and no conditions as none", () => {
    expect(describeConditions([{ conditions: [{ left: { label: "" } }] }])).toBe("… …");
    expect(describeConditions([{ conditions: [{ left: { label: "total", value: "{{t.total}}" } }] }])).toBe("total …");
    expect(describeConditions([])).toBeUndefined();
    expect(describeConditions(undefined)).toBeUndefined();
  });
});
