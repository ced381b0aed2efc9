import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { checkDecimals, ROUNDING_MODES, roundDecimal } from "./round-decimal";

export const roundNumber = defineFormatterAction({
  key: "formatter.roundNumber",
  group: "Format numbers",
  title: "Round a number",
  description: "Rounds a number to a number of decimals, halves away from zero unless you choose another way.",
  fields: {
    number: field.number({ label: "Number", required: true }),
    decimals: field.number({ label: "Decimals", help: "0 rounds to a whole number.", required: true, default: 2 }),
    mode: field.select({
      label: "Rounding",
      required: true,
      default: "halfExpand",
      options: { static: ROUNDING_MODES },
    }),
  },
  check: checkDecimals,
  outputSample: { value: 1234.57 },
  transform: ({ number, decimals, mode }) => ({ value: roundDecimal(number, decimals, mode) }),
});
