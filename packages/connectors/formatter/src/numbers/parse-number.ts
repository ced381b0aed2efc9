import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { quoted, refuseField } from "../refuse-field";
import { numberLocaleField, numberNotation } from "./number-locale";
import { readLocaleNumber } from "./read-locale-number";

const fields = {
  // Verbatim: a value that already is a number (JSON's 1.234) is taken as it is, not re-read as text.
  text: field.text({ label: "Text to read", required: true, verbatim: true }),
  locale: numberLocaleField(),
};

export const parseNumber = defineFormatterAction({
  key: "formatter.parseNumber",
  group: "Format numbers",
  title: "Read a number",
  description:
    'Reads a number written the way a country writes it ("1.234,50" in German is 1234.5), for fields that need a plain number.',
  fields,
  outputSample: { value: 1234.5 },
  transform: ({ text, locale }) => {
    if (typeof text === "number") return { value: text };
    const notation = numberNotation(locale);
    const value = readLocaleNumber(text, notation);
    if (value === undefined) {
      throw refuseField(
        fields,
        "text",
        `${quoted(text)} is not a number as ${locale} writes it, like ${notation.example}`,
      );
    }
    return { value };
  },
});
