import { type Fields, field } from "@ledgerflow/engine";

/**
 * The list a list step works on, through the editor's list field: entries typed in one by one, or
 * one per item of a list from the trigger or an earlier step (each line item's amount).
 */
export const listItemsField = <const I extends Fields>(item: I) =>
  field.list({
    label: "List",
    help: "Type the entries, or choose “One per item of a list” to take one from each item of a list, e.g. each line item's amount.",
    item,
  });
