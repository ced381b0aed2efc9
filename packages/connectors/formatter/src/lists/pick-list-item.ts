import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { checkPosition, pickAt, positionField } from "../position-field";
import { listItemsField } from "./list-items-field";

export const pickListItem = defineFormatterAction({
  key: "formatter.pickListItem",
  group: "Lookup and lists",
  title: "Pick an entry of a list",
  description: "Gives one value of a list — the first, the last, or the one at a position — skipping empty entries.",
  fields: {
    items: listItemsField({ value: field.text({ label: "Value", verbatim: true }) }),
    position: positionField("entry"),
  },
  check: checkPosition("entry"),
  outputSample: { value: "Bread", found: true, count: 3 },
  transform: ({ items = [], position }) =>
    pickAt(
      items.flatMap((item) => (item.value === undefined ? [] : [item.value])),
      position,
    ),
});
