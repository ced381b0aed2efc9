import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";

// Counted in characters as a reader sees them (an emoji or an accented letter is one), so a cut
// never leaves half a character behind.
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

const charactersOf = (text: string) => Array.from(graphemes.segment(text), (part) => part.segment);

export const truncateText = defineFormatterAction({
  key: "formatter.truncateText",
  group: "Format text",
  title: "Shorten text",
  description: 'Cuts text to at most a number of characters (Xero\'s references take 255), optionally ending with "…".',
  fields: {
    text: field.text({ label: "Text", verbatim: true }),
    maxLength: field.number({ label: "At most (characters)", required: true, positive: true }),
    ending: field.text({
      label: "End a shortened text with",
      help: 'e.g. "…"; counted within the most characters.',
      verbatim: true,
      maxLength: 20,
    }),
  },
  check: ({ maxLength, ending }) => {
    if (!Number.isInteger(maxLength)) return [{ field: "maxLength", message: "give a whole number of characters" }];
    if (ending !== undefined && charactersOf(String(ending)).length >= maxLength) {
      return [{ field: "ending", message: "must be shorter than the most characters" }];
    }
    return [];
  },
  outputSample: { value: "Bread, milk and…", truncated: true },
  transform: ({ text = "", maxLength, ending = "" }) => {
    const characters = charactersOf(String(text));
    if (characters.length <= maxLength) return { value: String(text), truncated: false };
    const end = String(ending);
    const kept = characters.slice(0, maxLength - charactersOf(end).length).join("");
    return { value: `${kept.trimEnd()}${end}`, truncated: true };
  },
});
