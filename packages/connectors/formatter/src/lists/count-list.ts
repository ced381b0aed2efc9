import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { listItemsField } from "./list-items-field";

export const countList = defineFormatterAction({
  key: "formatter.countList",
  group: "Lookup and lists",
  title: "Count a list",
  description: "Counts the entries of a list (the line items of an order), and how many of them have a value.",
  fields: {
    items: listItemsField({ value: field.text({ label: "Value", help: "Optional: counted in “with a value”." }) }),
  },
  outputSample: { value: 3, withValue: 2 },
  transform: ({ items = [] }) => ({
    value: items.length,
    withValue: items.filter((item) => item.value !== undefined).length,
  }),
});
