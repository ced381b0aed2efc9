import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { exactSum } from "./exact-sum";
import { listItemsField } from "./list-items-field";

export const sumList = defineFormatterAction({
  key: "formatter.sumList",
  group: "Lookup and lists",
  title: "Add up a list",
  description:
    "Adds up a number from every entry of a list (each line item's amount), exactly as decimals: 0.1 + 0.2 is 0.3.",
  fields: { items: listItemsField({ value: field.number({ label: "Number" }) }) },
  outputSample: { value: 1234.5, count: 3 },
  transform: ({ items = [] }) => {
    // An entry without a number (a line without a discount) adds nothing and is not counted.
    const numbers = items.flatMap((item) => (item.value === undefined ? [] : [item.value]));
    return { value: exactSum(numbers), count: numbers.length };
  },
});
