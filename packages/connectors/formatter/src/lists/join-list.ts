import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { joinSeparator, separatorFields } from "../text/separator-field";
import { listItemsField } from "./list-items-field";

export const joinList = defineFormatterAction({
  key: "formatter.joinList",
  group: "Lookup and lists",
  title: "Join a list into text",
  description: 'Joins the entries of a list into one text ("Bread, Milk, Eggs"), leaving out empty ones.',
  fields: {
    items: listItemsField({ value: field.text({ label: "Value", verbatim: true }) }),
    ...separatorFields("Join with"),
  },
  outputSample: { value: "Bread, Milk, Eggs", count: 3 },
  transform: (input) => {
    const values = (input.items ?? []).flatMap((item) => (item.value === undefined ? [] : [String(item.value)]));
    return { value: values.join(joinSeparator(input)), count: values.length };
  },
});
