import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { separatorFields, splitSeparator } from "./separator-field";
import { splitParts } from "./split-text";

export const pickPart = defineFormatterAction({
  key: "formatter.pickPart",
  group: "Format text",
  title: "Pick a part of text",
  description: "Splits text at a separator and keeps one part, counted from the start (1) or from the end (-1).",
  fields: {
    text: field.text({ label: "Text", verbatim: true }),
    ...separatorFields("Split at"),
    position: field.number({
      label: "Part",
      help: "1 is the first part, 2 the second; -1 is the last, -2 the one before it.",
      required: true,
      default: 1,
    }),
  },
  check: ({ position }) =>
    Number.isInteger(position) && position !== 0
      ? []
      : [
          {
            field: "position",
            message: "give a whole number other than 0, e.g. 1 for the first part or -1 for the last",
          },
        ],
  outputSample: { value: "Milk", found: true, count: 3 },
  transform: (input) => {
    const parts = splitParts(String(input.text ?? ""), splitSeparator(input), false);
    const part = parts.at(input.position > 0 ? input.position - 1 : input.position);
    // No such part is not a failure: a later step can give a default ("Default when empty").
    return { value: part ?? null, found: part !== undefined, count: parts.length };
  },
});
