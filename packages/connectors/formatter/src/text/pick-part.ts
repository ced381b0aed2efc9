import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { checkPosition, pickAt, positionField } from "../position-field";
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
    position: positionField("part"),
  },
  check: checkPosition("part"),
  outputSample: { value: "Milk", found: true, count: 3 },
  transform: (input) => pickAt(splitParts(String(input.text ?? ""), splitSeparator(input), false), input.position),
});
