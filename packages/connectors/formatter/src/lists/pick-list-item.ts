import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { listItemsField } from "./list-items-field";

export const pickListItem = defineFormatterAction({
  key: "formatter.pickListItem",
  group: "Lookup and lists",
  title: "Pick an entry of a list",
  description: "Gives one value of a list — the first, the last, or the one at a position — skipping empty entries.",
  fields: {
    items: listItemsField({ value: field.text({ label: "Value", verbatim: true }) }),
    // Counted as "Pick a part of text" counts its parts, so both steps read the same way.
    position: field.number({
      label: "Entry",
      help: "1 is the first entry, 2 the second; -1 is the last, -2 the one before it.",
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
            message: "give a whole number other than 0, e.g. 1 for the first entry or -1 for the last",
          },
        ],
  outputSample: { value: "Bread", found: true, count: 3 },
  transform: ({ items = [], position }) => {
    const values = items.flatMap((item) => (item.value === undefined ? [] : [item.value]));
    const value = values.at(position > 0 ? position - 1 : position);
    // No such entry is not a failure: a later step can give a default ("Default when empty").
    return { value: value ?? null, found: value !== undefined, count: values.length };
  },
});
