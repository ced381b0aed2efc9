import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { findNumbers } from "../numbers/find-numbers";
import { numberLocaleField, numberNotation } from "../numbers/number-locale";
import { foundValues } from "./found-values";

export const extractNumber = defineFormatterAction({
  key: "formatter.extractNumber",
  group: "Format text",
  title: "Find a number in text",
  description:
    'Finds the first number in text ("Total: 1.234,50 €" → 1234.5), written as the chosen country writes numbers.',
  fields: {
    text: field.longText({ label: "Text" }),
    locale: numberLocaleField(),
  },
  outputSample: { value: 1234.5, found: true, all: [1234.5] },
  transform: ({ text = "", locale }) => foundValues(findNumbers(text, numberNotation(locale))),
});
