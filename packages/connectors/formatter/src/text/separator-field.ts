// Where text is split and what joins a list: a choice of the usual separators — typed blanks and
// line breaks are hard to see in a field — or one of the user's own, taken as written (verbatim).
import { field } from "@ledgerflow/engine";

const SEPARATORS = {
  comma: { label: "Comma", split: ",", join: ", " },
  semicolon: { label: "Semicolon", split: ";", join: "; " },
  newLine: { label: "New line", split: /\r?\n/, join: "\n" },
  space: { label: "Space", split: " ", join: " " },
  tab: { label: "Tab", split: "\t", join: "\t" },
  custom: { label: "Other (type it below)", split: "", join: "" },
} as const;

type SeparatorChoice = keyof typeof SEPARATORS;

const choices = Object.entries(SEPARATORS).map(([value, { label }]) => ({ value: value as SeparatorChoice, label }));

/** The two fields: the choice, and the user's own separator when the choice is "Other". */
export function separatorFields(label: string) {
  return {
    separator: field.select({ label, required: true, default: "comma", options: { static: choices } }),
    customSeparator: field.text({
      label: "Other separator",
      help: 'Exactly as typed, blanks included, e.g. " - " or "|".',
      verbatim: true,
      maxLength: 50,
      requiredWhen: { field: "separator", equals: "custom" },
    }),
  };
}

interface SeparatorInput {
  separator: SeparatorChoice;
  customSeparator?: string | number;
}

/** What text is split at: a line break is "\n" or "\r\n", whichever the text uses. */
export function splitSeparator({ separator, customSeparator }: SeparatorInput): string | RegExp {
  return separator === "custom" ? String(customSeparator ?? "") : SEPARATORS[separator].split;
}

/** What joins a list: after a comma or a semicolon comes a space ("a, b"). */
export function joinSeparator({ separator, customSeparator }: SeparatorInput): string {
  return separator === "custom" ? String(customSeparator ?? "") : SEPARATORS[separator].join;
}
