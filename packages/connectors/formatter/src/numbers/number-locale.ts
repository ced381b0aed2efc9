// How a country writes numbers, from the runtime's Intl data (never a table of our own): the
// decimal mark, the thousands separator and the group sizes ("1.234.567,5"; India's "12,34,567").
import { LOCALES, type Locale, localeField } from "../locale-field";

export interface NumberNotation {
  locale: Locale;
  decimal: string;
  /** The thousands separator, and the characters read as it (a typed space for French's narrow one). */
  groups: readonly string[];
  minusSigns: readonly string[];
  /** Digits in the last group before the decimal mark, and in each group before it. */
  primaryGroupSize: number;
  secondaryGroupSize: number;
  /** 1234.5 as the locale writes it, for messages: "1.234,50". */
  example: string;
}

const BLANKS = [" ", "\u00a0", "\u202f"];
const APOSTROPHES = ["'", "\u2019"];

function notationOf(locale: Locale): NumberNotation {
  const parts = new Intl.NumberFormat(locale, { numberingSystem: "latn" }).formatToParts(-1234567890.5);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  const group = part("group");
  const integerGroups = parts.filter((candidate) => candidate.type === "integer").map(({ value }) => value.length);
  const primaryGroupSize = integerGroups.at(-1) ?? 3;
  return {
    locale,
    decimal: part("decimal"),
    groups: [BLANKS, APOSTROPHES].find((alike) => alike.includes(group)) ?? [group],
    minusSigns: [...new Set(["-", part("minusSign"), "\u2212"])],
    primaryGroupSize,
    secondaryGroupSize: integerGroups.at(-2) ?? primaryGroupSize,
    example: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, numberingSystem: "latn" }).format(1234.5),
  };
}

const notations = new Map(LOCALES.map((locale) => [locale, notationOf(locale)]));

export function numberNotation(locale: Locale): NumberNotation {
  // Every offered locale has an entry: the field accepts no other.
  return notations.get(locale) as NumberNotation;
}

/** "Numbers written as in": a locale, shown with 1,234.50 as it writes it. */
export const numberLocaleField = (label = "Numbers written as in") =>
  localeField(label, (locale) => numberNotation(locale).example);
