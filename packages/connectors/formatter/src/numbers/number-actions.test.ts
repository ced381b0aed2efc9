import { describe, expect, it } from "vitest";
import { testFormatterStep } from "../testing/test-formatter-step";

type Case = [name: string, input: Record<string, unknown>, output: unknown, body?: unknown];

const NBSP = "\u00a0";

const cases: Record<string, Case[]> = {
  "formatter.parseNumber": [
    ["German", { text: "1.234,50", locale: "de-DE" }, { value: 1234.5 }],
    ["English", { text: "1,234.50", locale: "en-NZ" }, { value: 1234.5 }],
    ["French, with a typed space", { text: "1 234,50", locale: "fr-FR" }, { value: 1234.5 }],
    ["Swiss, with an apostrophe", { text: "1'234.50", locale: "de-CH" }, { value: 1234.5 }],
    ["Indian groups", { text: "12,34,567.5", locale: "en-IN" }, { value: 1234567.5 }],
    ["without separators", { text: "1234,5", locale: "de-DE" }, { value: 1234.5 }],
    ["only decimals", { text: ",5", locale: "de-DE" }, { value: 0.5 }],
    ["a currency sign and code around it", { text: "€ 1.234,50", locale: "de-DE" }, { value: 1234.5 }],
    ["a code after it", { text: "1,234.50 NZD", locale: "en-NZ" }, { value: 1234.5 }],
    ["an accountant's negative", { text: "(1,234.50)", locale: "en-AU" }, { value: -1234.5 }],
    ["a minus sign", { text: "-1.234,50", locale: "de-DE" }, { value: -1234.5 }],
    ["minus nothing is nothing", { text: "-0,00", locale: "de-DE" }, { value: 0 }],
    ["the default locale is en-NZ", { text: "1,234.5" }, { value: 1234.5 }],
    [
      "a mapped number is kept, not re-read as German",
      { text: "{{trigger.body.n}}", locale: "de-DE" },
      { value: 1.234 },
      { n: 1.234 },
    ],
  ],
  "formatter.roundNumber": [
    ["to two decimals by default, as on paper", { number: 1.005 }, { value: 1.01 }],
    ["to a whole number", { number: 1234.5, decimals: 0 }, { value: 1235 }],
    ["bankers' rounding", { number: 2.5, decimals: 0, mode: "halfEven" }, { value: 2 }],
    ["always down, below zero", { number: -2.1, decimals: 0, mode: "floor" }, { value: -3 }],
    ["always up", { number: 2.001, decimals: 2, mode: "ceil" }, { value: 2.01 }],
    ["cut off", { number: -2.99, decimals: 1, mode: "trunc" }, { value: -2.9 }],
    ["a mapped text number", { number: "{{trigger.body.n}}", decimals: 1 }, { value: 12.3 }, { n: "12.34" }],
    ["a small negative is zero", { number: -0.001, decimals: 2 }, { value: 0 }],
  ],
  "formatter.formatCurrency": [
    [
      "New Zealand dollars",
      { amount: 1234.5, currency: "NZD", locale: "en-NZ" },
      { value: "$1,234.50", amount: 1234.5 },
    ],
    [
      "euros as Germany writes them",
      { amount: 1234.5, currency: "EUR", locale: "de-DE" },
      { value: `1.234,50${NBSP}€`, amount: 1234.5 },
    ],
    [
      "rounded to the currency's decimals",
      { amount: 1234.567, currency: "jpy", locale: "en-US" },
      { value: "¥1,235", amount: 1235 },
    ],
    ["halves away from zero", { amount: 1.005, currency: "AUD", locale: "en-AU" }, { value: "$1.01", amount: 1.01 }],
    [
      "with its code",
      { amount: 1234.5, currency: "NZD", locale: "en-NZ", display: "code" },
      { value: `NZD${NBSP}1,234.50`, amount: 1234.5 },
    ],
  ],
  "formatter.calculateExpression": [
    [
      "a share of a mapped total",
      { expression: "{{trigger.body.total}} * 0.15" },
      { value: 185.175 },
      { total: 1234.5 },
    ],
    [
      "rounded once at the end",
      { expression: "{{trigger.body.total}} * 0.15", decimals: 2 },
      { value: 185.18 },
      { total: 1234.5 },
    ],
    ["decimals without binary noise", { expression: "0.1 + 0.2" }, { value: 0.3 }],
    ["precedence and brackets", { expression: "(2 + 3) * 4 - 10 / 4" }, { value: 17.5 }],
    ["signs", { expression: "-(-3) + +2" }, { value: 5 }],
    ["remainder", { expression: "10 % 3" }, { value: 1 }],
    ["signs pasted from a document", { expression: "2 × 3 − 1 ÷ 2" }, { value: 5.5 }],
    ["exponents and a leading point", { expression: "1e3 / 8 + .5" }, { value: 125.5 }],
    [
      "two mapped values",
      { expression: "{{trigger.body.a}} - {{trigger.body.b}}" },
      { value: 0.5 },
      { a: "1.5", b: 1 },
    ],
  ],
};

describe.each(Object.entries(cases))("%s", (action, table) => {
  it.each(table)("%s", async (_name, input, output, body) => {
    expect(await testFormatterStep(action, input, body)).toEqual({ output });
  });
});

describe("number steps refuse what they cannot read, naming the field", () => {
  it.each([
    [
      "formatter.parseNumber",
      { text: "1,234.50", locale: "de-DE" },
      "text",
      'Text to read "1,234.50" is not a number as de-DE writes it, like 1.234,50',
    ],
    [
      "formatter.parseNumber",
      { text: "1,2", locale: "en-US" },
      "text",
      'Text to read "1,2" is not a number as en-US writes it, like 1,234.50',
    ],
    ["formatter.parseNumber", { text: "12 apples", locale: "en-NZ" }, "text", "is not a number as en-NZ writes it"],
    ["formatter.parseNumber", { text: "(-5)", locale: "en-NZ" }, "text", "is not a number as en-NZ writes it"],
    ["formatter.parseNumber", { text: "", locale: "en-NZ" }, "text", "Text to read is required"],
    ["formatter.parseNumber", { text: "1", locale: "xx-XX" }, "locale", "Numbers written as in must be one of"],
    ["formatter.roundNumber", { number: "1,234.50" }, "number", "Number must be a number like 12.50"],
    [
      "formatter.roundNumber",
      { number: 1, decimals: 11 },
      "decimals",
      "Decimals: give a whole number of decimals from 0 to 10",
    ],
    ["formatter.roundNumber", { number: 1, decimals: 1.5 }, "decimals", "Decimals: give a whole number of decimals"],
    ["formatter.formatCurrency", { amount: 1, currency: "XYZ" }, "currency", 'Currency: "XYZ" is not a currency code'],
    ["formatter.formatCurrency", { amount: "ten", currency: "NZD" }, "amount", "Amount must be a number"],
    [
      "formatter.calculateExpression",
      { expression: "1 / 0" },
      "expression",
      'Calculation "1 / 0" divides by zero at character 3',
    ],
    ["formatter.calculateExpression", { expression: "5 % (2 - 2)" }, "expression", "divides by zero at character 3"],
    ["formatter.calculateExpression", { expression: "1 / {{trigger.body.zero}}" }, "expression", "divides by zero"],
    [
      "formatter.calculateExpression",
      { expression: "constructor" },
      "expression",
      'has "c" at character 1, which is not allowed here: only numbers',
    ],
    ["formatter.calculateExpression", { expression: "1 + alert(1)" }, "expression", 'has "a" at character 5'],
    [
      "formatter.calculateExpression",
      { expression: "{{trigger.body.evil}} * 2" },
      "expression",
      'has "p" at character 1',
    ],
    ["formatter.calculateExpression", { expression: "[1] + 1" }, "expression", 'has "[" at character 1'],
    ["formatter.calculateExpression", { expression: "2 ** 3" }, "expression", 'has "*" at character 4'],
    [
      "formatter.calculateExpression",
      { expression: "1,5 * 2" },
      "expression",
      "write numbers without thousands separators",
    ],
    [
      "formatter.calculateExpression",
      { expression: "(1 + 2" },
      "expression",
      "has a bracket opened at character 1 that is never closed",
    ],
    ["formatter.calculateExpression", { expression: "1 +" }, "expression", "ends too early"],
    ["formatter.calculateExpression", { expression: "1e400" }, "expression", "gives a result too large to use"],
    [
      "formatter.calculateExpression",
      { expression: `${"(".repeat(150)}1${")".repeat(150)}` },
      "expression",
      "nests brackets or signs deeper than 100 levels",
    ],
    [
      "formatter.calculateExpression",
      { expression: "1+".repeat(600) },
      "expression",
      "Calculation must be at most 1000 characters",
    ],
    ["formatter.calculateExpression", { expression: "" }, "expression", "Calculation is required"],
    [
      "formatter.calculateExpression",
      { expression: "1", decimals: -1 },
      "decimals",
      "give a whole number of decimals from 0 to 10",
    ],
  ])("%s %j", async (action, input, field, message) => {
    const { error } = await testFormatterStep(action, input, { zero: 0, evil: "process.exit(1)" });
    expect(error).toMatchObject({ code: "invalid_input", field });
    expect(error?.message).toContain(message);
  });
});
