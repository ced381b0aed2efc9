import { describe, expect, it } from "vitest";
import type { FieldSpec } from "./action-definition";
import { describeFieldPath, parseFieldPath } from "./field-path";

const fields: FieldSpec[] = [
  { name: "DueDate", label: "Due date", type: "date" },
  {
    name: "LineItems",
    label: "Line items",
    type: "list",
    itemFields: [{ name: "AccountCode", label: "Account", type: "select" }],
  },
];

describe("parseFieldPath", () => {
  it("reads a field, a line's field and a line's field whose line is unknown", () => {
    expect(parseFieldPath("DueDate")).toEqual({ field: "DueDate" });
    expect(parseFieldPath("LineItems[1].AccountCode")).toEqual({ field: "LineItems", line: 1, item: "AccountCode" });
    expect(parseFieldPath("LineItems[0]")).toEqual({ field: "LineItems", line: 0 });
    expect(parseFieldPath("LineItems.AccountCode")).toEqual({ field: "LineItems", item: "AccountCode" });
    expect(parseFieldPath("LineItems[].AccountCode")).toEqual({ field: "LineItems", item: "AccountCode" });
  });
});

describe("describeFieldPath", () => {
  it("names the field by its label, and a line by its number from 1", () => {
    expect(describeFieldPath("DueDate", fields)).toBe("Due date");
    expect(describeFieldPath("LineItems[1].AccountCode", fields)).toBe("Line items, line 2 · Account");
    expect(describeFieldPath("LineItems.AccountCode", fields)).toBe("Line items · Account");
  });

  it("shows a field the action does not have as it is", () => {
    expect(describeFieldPath("Gone", fields)).toBe("Gone");
  });
});
