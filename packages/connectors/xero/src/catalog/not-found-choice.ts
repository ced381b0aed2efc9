import { field } from "@ledgerflow/engine";

const IF_NOT_FOUND_HELP =
  "Stop the run with an error, or carry on with “found” set to false so later steps can decide.";

/** A search step's choice when nothing matches: fail the run, or carry on with `found: false`. */
export function ifNotFoundField(extraHelp?: string) {
  return field.select({
    label: "When nothing matches",
    required: true,
    default: "fail",
    help: extraHelp ? `${IF_NOT_FOUND_HELP} ${extraHelp}` : IF_NOT_FOUND_HELP,
    options: {
      static: [
        { value: "fail", label: "Stop the run with an error" },
        { value: "continue", label: "Continue (found = false)" },
      ],
    },
  });
}
