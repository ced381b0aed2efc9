import { describe, expect, it } from "vitest";
import { testFormatterStep } from "../testing/test-formatter-step";

type Case = [name: string, input: Record<string, unknown>, output: unknown, body?: unknown];

/** An order as a shop sends it: amounts as text and numbers, one line without a discount. */
const order = {
  lines: [
    { name: "Bread", amount: "0.1", discount: 0.05 },
    { name: "Milk", amount: 0.2 },
    { name: "", amount: "1234.2" },
  ],
  method: "Card",
};

/** One list entry per line of the order, its `value` mapped from the line. */
const perLine = (value: string) => ({ $each: "{{trigger.body.lines}}", as: "line", map: { value } });

const typed = (...values: unknown[]) => values.map((value) => ({ value }));

const table = [
  { from: "card", to: "090" },
  { from: "bank transfer", to: "091" },
  { from: "constructor", to: "099" },
];

const cases: Record<string, Case[]> = {
  "formatter.sumList": [
    ["each line's amount, exactly", { items: perLine("{{line.amount}}") }, { value: 1234.5, count: 3 }, order],
    ["lines without one add nothing", { items: perLine("{{line.discount}}") }, { value: 0.05, count: 1 }, order],
    ["cents add up to the cent", { items: typed(...Array(10).fill(0.1)) }, { value: 1, count: 10 }],
    ["negatives and large numbers", { items: typed(1e21, -1e21, 0.3, -0.1) }, { value: 0.2, count: 4 }],
    ["tiny numbers", { items: typed(1e-7, 2e-7) }, { value: 3e-7, count: 2 }],
    ["an empty list is zero", { items: [] }, { value: 0, count: 0 }],
  ],
  "formatter.countList": [
    ["entries, and those with a value", { items: perLine("{{line.name}}") }, { value: 3, withValue: 2 }, order],
    ["without values", { items: [{}, {}] }, { value: 2, withValue: 0 }],
    ["nothing", {}, { value: 0, withValue: 0 }],
  ],
  "formatter.joinList": [
    [
      "with a comma, empty ones left out",
      { items: perLine("{{line.name}}") },
      { value: "Bread, Milk", count: 2 },
      order,
    ],
    ["on new lines", { items: typed("a", "b"), separator: "newLine" }, { value: "a\nb", count: 2 }],
    [
      "with a separator of one's own, blanks kept",
      { items: typed("a", 1.5), separator: "custom", customSeparator: " | " },
      { value: "a | 1.5", count: 2 },
    ],
  ],
  "formatter.pickListItem": [
    ["the first", { items: perLine("{{line.name}}") }, { value: "Bread", found: true, count: 2 }, order],
    [
      "the last, skipping empty ones",
      { items: perLine("{{line.name}}"), position: -1 },
      { value: "Milk", found: true, count: 2 },
      order,
    ],
    [
      "a mapped number stays a number",
      { items: perLine("{{line.discount}}") },
      { value: 0.05, found: true, count: 1 },
      order,
    ],
    ["at a position", { items: typed("a", "b", "c"), position: 2 }, { value: "b", found: true, count: 3 }],
    ["one that is not there", { items: typed("a", "b"), position: -3 }, { value: null, found: false, count: 2 }],
    ["from an empty list", { items: [] }, { value: null, found: false, count: 0 }],
  ],
  "formatter.lookupValue": [
    [
      "a mapped value, letter case ignored",
      { value: "{{trigger.body.method}}", rows: table },
      { value: "090", matched: true },
      order,
    ],
    [
      "letter case matched on request",
      { value: "Card", rows: table, matchCase: true, default: "000" },
      { value: "000", matched: false },
    ],
    [
      "the default when no row matches",
      { value: "cash", rows: table, default: "000" },
      { value: "000", matched: false },
    ],
    ["a prototype's name finds its own row", { value: "constructor", rows: table }, { value: "099", matched: true }],
    [
      "and no property of an object",
      { value: "toString", rows: table, default: "none" },
      { value: "none", matched: false },
    ],
    [
      "blanks around the value do not count",
      { value: "  bank transfer ", rows: table },
      { value: "091", matched: true },
    ],
  ],
};

describe.each(Object.entries(cases))("%s", (action, rows) => {
  it.each(rows)("%s", async (_name, input, output, body) => {
    expect(await testFormatterStep(action, input, body)).toEqual({ output });
  });
});

describe("list steps refuse what they cannot work with, naming the field", () => {
  it.each([
    ["formatter.sumList", { items: typed(1, "1,5") }, "items", "must be a number like 12.50"],
    ["formatter.sumList", { items: "{{trigger.body.method}}" }, "items", "List must be a list"],
    [
      "formatter.joinList",
      { items: typed("a"), separator: "custom" },
      "customSeparator",
      "Other separator is required",
    ],
    [
      "formatter.pickListItem",
      { items: typed("a"), position: 0 },
      "position",
      "Entry: give a whole number other than 0",
    ],
    ["formatter.lookupValue", { value: "card", rows: [] }, "rows", "Table needs at least one entry"],
    [
      "formatter.lookupValue",
      {
        value: "card",
        rows: [
          { from: "Card", to: "1" },
          { from: "card", to: "2" },
        ],
      },
      "rows",
      'rows 1 and 2 both look up "card"',
    ],
    ["formatter.lookupValue", { value: "card", rows: [{ from: "card" }] }, "rows", "Give (Table, row 1) is required"],
  ])("%s %j", async (action, input, field, message) => {
    const { error } = await testFormatterStep(action, input, order);
    expect(error).toMatchObject({ code: "invalid_input" });
    expect(error?.field).toContain(field);
    expect(error?.message).toContain(message);
  });

  it("fails a lookup that matches no row and has no default, rather than giving nothing", async () => {
    const { error } = await testFormatterStep("formatter.lookupValue", { value: "cash", rows: table });
    expect(error).toMatchObject({
      code: "not_found",
      field: "value",
      message: 'No row of the table looks up "cash", and no "Otherwise give" is set.',
    });
  });
});
