import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { quoted, refuseField } from "../refuse-field";
import { evaluateArithmetic, MAX_EXPRESSION_LENGTH } from "./arithmetic-expression";
import { checkDecimals, decimalsField, roundDecimal } from "./round-decimal";

/**
 * What binary doubles leave behind (0.1 + 0.2 = 0.30000000000000004) is below the 15 significant
 * digits a double always holds exactly; the result keeps those 15, as a spreadsheet shows it.
 */
const SIGNIFICANT_DIGITS = 15;

const fields = {
  expression: field.text({
    label: "Calculation",
    help: "Numbers, + - * / (and % for the remainder), brackets, and values from earlier steps, e.g. {{trigger.body.total}} * 0.15.",
    placeholder: "{{trigger.body.total}} * 0.15",
    required: true,
    maxLength: MAX_EXPRESSION_LENGTH,
  }),
  decimals: decimalsField("For money, your currency's decimals (2): the result is rounded once, at the end."),
};

export const calculateExpression = defineFormatterAction({
  key: "formatter.calculateExpression",
  group: "Format numbers",
  title: "Calculate",
  description:
    "Works out arithmetic over mapped numbers ({{…total}} * 0.15); for money give the decimals, rounded once at the end.",
  fields,
  check: checkDecimals,
  outputSample: { value: 185.18 },
  transform: ({ expression, decimals }) => {
    const result = evaluateArithmetic(expression);
    if (!result.ok) throw refuseField(fields, "expression", `${quoted(expression)} ${result.reason}`);
    const value = Number(result.value.toPrecision(SIGNIFICANT_DIGITS)) + 0;
    return { value: decimals === undefined ? value : roundDecimal(value, decimals) };
  },
});
