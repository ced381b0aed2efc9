import { field, StepError } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { quoted } from "../refuse-field";

// Rows are matched through a Map of the user's own texts: a value "constructor" or "__proto__"
// finds a row of that name or none, never a property of a JavaScript object.

const fields = {
  value: field.text({ label: "Value to look up", help: "e.g. {{trigger.body.payment_method}}." }),
  rows: field.list({
    label: "Table",
    help: "One row per value: what it is, and what to give for it (e.g. card → 090, the clearing account's code).",
    required: true,
    item: {
      from: field.text({ label: "When the value is", required: true }),
      to: field.text({ label: "Give", required: true }),
    },
  }),
  default: field.text({ label: "Otherwise give", help: "When no row matches. Left empty, the step fails instead." }),
  matchCase: field.boolean({ label: "Match letter case", default: false }),
};

const keyOf = (text: string, matchCase: boolean) => (matchCase ? text : text.toLowerCase());

export const lookupValue = defineFormatterAction({
  key: "formatter.lookupValue",
  group: "Lookup and lists",
  title: "Look up in a table",
  description:
    "Turns one value into another with a table you write (payment method → Xero bank account), with a default.",
  fields,
  check: ({ rows, matchCase }) => {
    const seen = new Map<string, number>();
    for (const [index, row] of rows.entries()) {
      const earlier = seen.get(keyOf(row.from, matchCase));
      if (earlier !== undefined) {
        return [{ field: "rows", message: `rows ${earlier + 1} and ${index + 1} both look up ${quoted(row.from)}` }];
      }
      seen.set(keyOf(row.from, matchCase), index);
    }
    return [];
  },
  outputSample: { value: "090", matched: true },
  transform: ({ value = "", rows, default: fallback, matchCase }) => {
    const table = new Map(rows.map((row) => [keyOf(row.from, matchCase), row.to]));
    const found = table.get(keyOf(value, matchCase));
    if (found !== undefined) return { value: found, matched: true };
    if (fallback !== undefined) return { value: fallback, matched: false };
    // Never a silent empty value: the result often names a Xero account money is posted to.
    throw new StepError(`No row of the table looks up ${quoted(value)}, and no "Otherwise give" is set.`, {
      code: "not_found",
      field: "value",
    });
  },
});
