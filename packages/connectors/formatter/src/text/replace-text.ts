import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";

/** Escapes every character a regular expression gives a meaning, so the user's text is found as written. */
const literal = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

export const replaceText = defineFormatterAction({
  key: "formatter.replaceText",
  group: "Format text",
  title: "Replace text",
  description: "Replaces every occurrence of some text (found as written, not as a pattern) with other text.",
  fields: {
    text: field.text({ label: "Text", verbatim: true }),
    find: field.text({ label: "Find", required: true, verbatim: true, maxLength: 200 }),
    replaceWith: field.text({ label: "Replace with", help: "Leave empty to remove what was found.", verbatim: true }),
    matchCase: field.boolean({ label: "Match letter case", default: true }),
  },
  outputSample: { value: "INV-0042", count: 1 },
  transform: ({ text = "", find, replaceWith = "", matchCase }) => {
    const source = String(text);
    const replacement = String(replaceWith);
    if (matchCase) {
      // split/join, not String#replaceAll, whose replacement reads "$&" and "$1" as patterns.
      const parts = source.split(String(find));
      return { value: parts.join(replacement), count: parts.length - 1 };
    }
    let count = 0;
    // A literal (escaped) pattern has no repetition to backtrack into: its search is linear.
    const value = source.replace(new RegExp(literal(String(find)), "giu"), () => {
      count += 1;
      return replacement;
    });
    return { value, count };
  },
});
