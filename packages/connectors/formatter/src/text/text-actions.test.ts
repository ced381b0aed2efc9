import { describe, expect, it } from "vitest";
import { findNumbers } from "../numbers/find-numbers";
import { numberNotation } from "../numbers/number-locale";
import { testFormatterStep } from "../testing/test-formatter-step";
import { findEmails } from "./find-emails";
import { findUrls } from "./find-urls";

type Case = [name: string, input: Record<string, unknown>, output: unknown, body?: unknown];

const cases: Record<string, Case[]> = {
  "formatter.trimText": [
    ["blanks and line breaks around", { text: " \t Ana's Bakery \r\n" }, { value: "Ana's Bakery" }],
    ["inside squeezed on request", { text: " a  \n b ", squeeze: true }, { value: "a b" }],
    ["inside kept by default", { text: " a  b " }, { value: "a  b" }],
    ["a no-break space is a blank", { text: "\u00a0x\u00a0" }, { value: "x" }],
    ["a mapped number as text", { text: "{{trigger.body.n}}" }, { value: "12.5" }, { n: 12.5 }],
    ["empty", { text: "" }, { value: "" }],
    ["a missing mapped value", { text: "{{trigger.body.none}}" }, { value: "" }],
  ],
  "formatter.changeCase": [
    ["upper", { text: "ana's bakery", to: "upper" }, { value: "ANA'S BAKERY" }],
    ["lower", { text: "ANA'S Bakery", to: "lower" }, { value: "ana's bakery" }],
    [
      "title, apostrophes inside words",
      { text: "o'NEIL-smith mcdonald's", to: "title" },
      { value: "O'neil-Smith Mcdonald's" },
    ],
    ["title, accented letters", { text: "élodie ÉCOLE", to: "title" }, { value: "Élodie École" }],
    ["a choice by its label", { text: "a b", to: "UPPER CASE" }, { value: "A B" }],
    ["title is the default", { text: "ana bakery" }, { value: "Ana Bakery" }],
  ],
  "formatter.replaceText": [
    [
      "every occurrence",
      { text: "INV 0042 / INV 0043", find: "INV ", replaceWith: "INV-" },
      { value: "INV-0042 / INV-0043", count: 2 },
    ],
    ["removes with no replacement", { text: "1,234,567", find: "," }, { value: "1234567", count: 2 }],
    [
      "pattern characters are plain text",
      { text: "a.b*c", find: ".", replaceWith: "$&" },
      { value: "a$&b*c", count: 1 },
    ],
    ["a blank can be found", { text: "a  b", find: " ", replaceWith: "_" }, { value: "a__b", count: 2 }],
    ["letter case matched by default", { text: "Ab ab", find: "ab", replaceWith: "x" }, { value: "Ab x", count: 1 }],
    [
      "letter case ignored on request",
      { text: "Ab ab AB", find: "ab", replaceWith: "x", matchCase: false },
      { value: "x x x", count: 3 },
    ],
    [
      "ignoring case, pattern characters stay plain",
      { text: "(A)(a)", find: "(a)", replaceWith: "", matchCase: "no" },
      { value: "", count: 2 },
    ],
    ["nothing found", { text: "abc", find: "z", replaceWith: "y" }, { value: "abc", count: 0 }],
  ],
  "formatter.splitText": [
    [
      "at commas, trimmed, empty parts dropped",
      { text: "Bread, Milk,, Eggs ", separator: "comma" },
      { value: ["Bread", "Milk", "Eggs"], count: 3 },
    ],
    [
      "kept as written on request",
      { text: "a, b,", separator: "comma", keepBlanks: true },
      { value: ["a", " b", ""], count: 3 },
    ],
    [
      "at line breaks of either kind",
      { text: "a\r\nb\nc", separator: "newLine" },
      { value: ["a", "b", "c"], count: 3 },
    ],
    [
      "at a separator of blanks and a dash",
      { text: "a - b - c", separator: "custom", customSeparator: " - " },
      { value: ["a", "b", "c"], count: 3 },
    ],
    ["at semicolons", { text: "a;b", separator: "Semicolon" }, { value: ["a", "b"], count: 2 }],
    ["empty text is an empty list", { text: "" }, { value: [], count: 0 }],
  ],
  "formatter.pickPart": [
    ["the first by default", { text: "Ana Smith", separator: "space" }, { value: "Ana", found: true, count: 2 }],
    ["the last", { text: "a,b,c", position: -1 }, { value: "c", found: true, count: 3 }],
    ["the second from the end", { text: "a,b,c", position: "-2" }, { value: "b", found: true, count: 3 }],
    ["one that is not there", { text: "a,b", position: 5 }, { value: null, found: false, count: 2 }],
    ["from empty text", { text: "", position: 1 }, { value: null, found: false, count: 0 }],
  ],
  "formatter.truncateText": [
    ["short enough", { text: "Bread", maxLength: 5 }, { value: "Bread", truncated: false }],
    ["cut", { text: "Bread and milk", maxLength: 5 }, { value: "Bread", truncated: true }],
    [
      "cut with an ending inside the limit",
      { text: "Bread, milk and eggs", maxLength: 16, ending: "…" },
      { value: "Bread, milk and…", truncated: true },
    ],
    ["never half an emoji or accent", { text: "👍🏽👍🏽👍🏽", maxLength: 2 }, { value: "👍🏽👍🏽", truncated: true }],
    [
      "combining accents count once",
      { text: "e\u0301e\u0301e\u0301", maxLength: 3 },
      { value: "e\u0301e\u0301e\u0301", truncated: false },
    ],
  ],
  "formatter.defaultWhenEmpty": [
    ["a value is kept", { text: "Ana", default: "Walk-in" }, { value: "Ana", usedDefault: false }],
    ["blanks only are empty", { text: "   ", default: "Walk-in" }, { value: "Walk-in", usedDefault: true }],
    [
      "a missing mapped value",
      { text: "{{trigger.body.name}}", default: "Walk-in" },
      { value: "Walk-in", usedDefault: true },
    ],
    [
      "null is empty",
      { text: "{{trigger.body.name}}", default: "Walk-in" },
      { value: "Walk-in", usedDefault: true },
      { name: null },
    ],
    ["zero is a value", { text: "{{trigger.body.n}}", default: "x" }, { value: "0", usedDefault: false }, { n: 0 }],
  ],
  "formatter.extractEmail": [
    [
      "in a sentence",
      { text: "Mail Ana.B+orders@example.co.nz. Thanks" },
      { value: "Ana.B+orders@example.co.nz", found: true, all: ["Ana.B+orders@example.co.nz"] },
    ],
    ["several", { text: "a@x.io, b@y.com" }, { value: "a@x.io", found: true, all: ["a@x.io", "b@y.com"] }],
    [
      "in brackets",
      { text: "Ana <ana@example.com>" },
      { value: "ana@example.com", found: true, all: ["ana@example.com"] },
    ],
    ["not an address", { text: "x@y, @home, a@.com, me@localhost" }, { value: null, found: false, all: [] }],
    ["empty", { text: "" }, { value: null, found: false, all: [] }],
  ],
  "formatter.extractUrl": [
    [
      "at the end of a sentence",
      { text: "Track it at https://shop.example.com/o/1001." },
      { value: "https://shop.example.com/o/1001", found: true, all: ["https://shop.example.com/o/1001"] },
    ],
    [
      "in brackets, keeping its own",
      { text: "(see https://x.co/a_(b))" },
      { value: "https://x.co/a_(b)", found: true, all: ["https://x.co/a_(b)"] },
    ],
    [
      "one inside another's query is one",
      { text: "http://e.com/?next=https://b.co and HTTPS://c.org" },
      {
        value: "http://e.com/?next=https://b.co",
        found: true,
        all: ["http://e.com/?next=https://b.co", "HTTPS://c.org"],
      },
    ],
    [
      "no scheme, no address",
      { text: "www.example.com or ftp://x.org or https://" },
      { value: null, found: false, all: [] },
    ],
  ],
  "formatter.extractNumber": [
    [
      "German, with a currency; a date is no number German writes",
      { text: "Summe: 1.234,50 € am 31.01.", locale: "de-DE" },
      { value: 1234.5, found: true, all: [1234.5] },
    ],
    [
      "English, negative",
      { text: "Balance -1,234.50 owed", locale: "en-NZ" },
      { value: -1234.5, found: true, all: [-1234.5] },
    ],
    [
      "a dash between numbers is no sign",
      { text: "2026-01-31", locale: "en-US" },
      { value: 2026, found: true, all: [2026, 1, 31] },
    ],
    ["none", { text: "no numbers here", locale: "en-US" }, { value: null, found: false, all: [] }],
    [
      "a run the locale would not write is passed over",
      { text: "ref 1,2,3 then 7", locale: "en-US" },
      { value: 7, found: true, all: [7] },
    ],
  ],
};

describe.each(Object.entries(cases))("%s", (action, table) => {
  it.each(table)("%s", async (_name, input, output, body) => {
    expect(await testFormatterStep(action, input, body)).toEqual({ output });
  });
});

describe("text steps refuse what they cannot work with, naming the field", () => {
  it.each([
    ["formatter.replaceText", { text: "abc", find: "" }, "find", "Find is required"],
    ["formatter.splitText", { text: "a", separator: "custom" }, "customSeparator", "Other separator is required"],
    ["formatter.splitText", { text: "a", separator: "pipe" }, "separator", "Split at must be one of: Comma, Semicolon"],
    ["formatter.pickPart", { text: "a", position: 0 }, "position", "Part: give a whole number other than 0"],
    ["formatter.pickPart", { text: "a", position: 1.5 }, "position", "Part: give a whole number other than 0"],
    ["formatter.truncateText", { text: "a", maxLength: 0 }, "maxLength", "At most (characters) must be more than zero"],
    ["formatter.truncateText", { text: "a", maxLength: 2.5 }, "maxLength", "At most (characters): give a whole number"],
    [
      "formatter.truncateText",
      { text: "abc", maxLength: 1, ending: "…" },
      "ending",
      "End a shortened text with: must be shorter",
    ],
    ["formatter.defaultWhenEmpty", { text: "" }, "default", "Default is required"],
    ["formatter.trimText", { text: "{{trigger.body}}" }, "text", "Text must be text, but got a group of values"],
  ])("%s %j", async (action, input, field, message) => {
    const { error } = await testFormatterStep(action, input, { a: 1 });
    expect(error).toMatchObject({ code: "invalid_input", field });
    expect(error?.message).toContain(message);
  });
});

describe("finding in long, hostile text takes time in proportion to its length", () => {
  const texts = [
    `${"a".repeat(100_000)}@${"a.".repeat(50_000)}`,
    "a@".repeat(100_000),
    "https://".repeat(25_000),
    `(${"https://x.co/(".repeat(10_000)}`,
    "1,".repeat(100_000),
    "-1.".repeat(60_000),
  ];

  it.each(texts.map((text) => [text.slice(0, 12), text]))("%s…", (_start, text) => {
    const started = performance.now();
    findEmails(text);
    findUrls(text);
    findNumbers(text, numberNotation("en-NZ"));
    findNumbers(text, numberNotation("de-DE"));
    // Generous for a shared machine; a backtracking search would take minutes.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
