import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";

export const trimText = defineFormatterAction({
  key: "formatter.trimText",
  group: "Format text",
  title: "Trim blanks",
  description:
    "Removes spaces, tabs and line breaks around text, and optionally squeezes the blanks inside to one space.",
  fields: {
    text: field.text({ label: "Text", verbatim: true }),
    squeeze: field.boolean({ label: "Also squeeze blanks inside", default: false }),
  },
  outputSample: { value: "Ana's Bakery" },
  transform: ({ text = "", squeeze }) => {
    const trimmed = String(text).trim();
    return { value: squeeze ? trimmed.replace(/\s+/g, " ") : trimmed };
  },
});
