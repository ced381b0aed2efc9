import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { numberLocaleField } from "./number-locale";
import { roundDecimal } from "./round-decimal";

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** How many decimals the currency has (2 for NZD, 0 for JPY, 3 for KWD), from Intl's data. */
const decimalsOf = (currency: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;

export const formatCurrency = defineFormatterAction({
  key: "formatter.formatCurrency",
  group: "Format numbers",
  title: "Format as currency",
  description:
    'Writes an amount as money for people to read ("$1,234.50", "1.234,50 €"), rounded to the currency\'s decimals.',
  fields: {
    amount: field.number({ label: "Amount", required: true }),
    currency: field.text({ label: "Currency", help: "Its three-letter code, e.g. NZD, AUD, EUR.", required: true }),
    locale: numberLocaleField("Written as in"),
    display: field.select({
      label: "Show the currency as",
      required: true,
      default: "symbol",
      options: {
        static: [
          { value: "symbol", label: "Its symbol ($1,234.50)" },
          { value: "code", label: "Its code (NZD 1,234.50)" },
        ],
      },
    }),
  },
  check: ({ currency }) =>
    CURRENCIES.has(currency.toUpperCase())
      ? []
      : [{ field: "currency", message: `"${currency}" is not a currency code; use one like NZD, AUD or EUR` }],
  outputSample: { value: "$1,234.50", amount: 1234.5 },
  transform: ({ amount, currency, locale, display }) => {
    const code = currency.toUpperCase();
    const rounded = roundDecimal(amount, decimalsOf(code));
    const format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: code,
      currencyDisplay: display,
      numberingSystem: "latn",
    });
    return { value: format.format(rounded), amount: rounded };
  },
});
