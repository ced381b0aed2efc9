import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { separatorFields, splitSeparator } from "./separator-field";

/** The parts of `text` between separators, trimmed and without empty ones unless asked to keep them. */
export function splitParts(text: string, separator: string | RegExp, keepBlanks: boolean): string[] {
  if (text === "") return [];
  const parts = text.split(separator);
  return keepBlanks ? parts : parts.map((part) => part.trim()).filter((part) => part !== "");
}

export const splitText = defineFormatterAction({
  key: "formatter.splitText",
  group: "Format text",
  title: "Split text into a list",
  description: "Splits text at a separator into a list of parts (trimmed, empty parts dropped), for later steps.",
  fields: {
    text: field.text({ label: "Text", verbatim: true }),
    ...separatorFields("Split at"),
    keepBlanks: field.boolean({
      label: "Keep blanks and empty parts",
      help: "Otherwise each part is trimmed and empty parts are left out.",
      default: false,
    }),
  },
  outputSample: { value: ["Bread", "Milk", "Eggs"], count: 3 },
  transform: (input) => {
    const value = splitParts(String(input.text ?? ""), splitSeparator(input), input.keepBlanks);
    return { value, count: value.length };
  },
});
