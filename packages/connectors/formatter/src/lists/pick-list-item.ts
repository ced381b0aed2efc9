import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { listItemsField } from "./list-items-field";

export const pickListItem = defineFormatterAction({
  key: "formatter.pickListItem",
  group: "Lookup and lists",
  title: "First or last of a list",
  description:
    "Gives the first or the last value of a list (the last line item's description), skipping empty entries.",
  fields: {
    items: listItemsField({ value: field.text({ label: "Value", verbatim: true }) }),
    which: field.select({
      label: "Give",
      required: true,
      default: "first",
      options: {
        static: [
          { value: "first", label: "The first" },
          { value: "last", label: "The last" },
        ],
      },
    }),
  },
  outputSample: { value: "Bread", found: true, count: 3 },
  transform: ({ items = [], which }) => {
    const values = items.flatMap((item) => (item.value === undefined ? [] : [item.value]));
    const value = (which === "first" ? values[0] : values.at(-1)) ?? null;
    return { value, found: value !== null, count: values.length };
  },
});
