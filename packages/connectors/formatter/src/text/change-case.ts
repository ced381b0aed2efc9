import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";

/** A letter that starts a word: after the start, a blank, or punctuation other than an apostrophe ("O'neil"). */
const WORD_START = /(^|[^\p{L}\p{N}'’])(\p{L})/gu;

const CASES = {
  upper: (text: string) => text.toUpperCase(),
  lower: (text: string) => text.toLowerCase(),
  title: (text: string) =>
    text.toLowerCase().replace(WORD_START, (_match, before: string, letter: string) => before + letter.toUpperCase()),
};

export const changeCase = defineFormatterAction({
  key: "formatter.changeCase",
  group: "Format text",
  title: "Change letter case",
  description: "Writes text in UPPER CASE, lower case or Title Case (each word capitalised).",
  fields: {
    text: field.text({ label: "Text", verbatim: true }),
    to: field.select({
      label: "Change to",
      required: true,
      default: "title",
      options: {
        static: [
          { value: "upper", label: "UPPER CASE" },
          { value: "lower", label: "lower case" },
          { value: "title", label: "Title Case" },
        ],
      },
    }),
  },
  outputSample: { value: "Ana's Bakery Ltd" },
  transform: ({ text = "", to }) => ({ value: CASES[to](String(text)) }),
});
