import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";

export const defaultWhenEmpty = defineFormatterAction({
  key: "formatter.defaultWhenEmpty",
  group: "Format text",
  title: "Default when empty",
  description: "Gives the value, or a default of your choosing when the value is missing, empty or only blanks.",
  fields: {
    // Not verbatim: a value of blanks only counts as empty, as everywhere else.
    text: field.text({ label: "Value" }),
    default: field.text({ label: "Default", required: true }),
  },
  outputSample: { value: "Walk-in customer", usedDefault: true },
  transform: ({ text, default: fallback }) =>
    text === undefined ? { value: fallback, usedDefault: true } : { value: text, usedDefault: false },
});
