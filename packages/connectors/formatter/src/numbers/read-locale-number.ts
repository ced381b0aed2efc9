// Reads a number as a locale writes it: "1.234,50" in German is 1234.5, "1,234.50" in English,
// "1 234,50" in French. Only the locale's own marks are accepted, in the places it puts them, so a
// text that could mean two things ("1.234" in English) is read one way, never guessed. No regular
// expression with repetition runs over the text: every step is one pass.
import type { NumberNotation } from "./number-locale";

export function readLocaleNumber(text: string, notation: NumberNotation): number | undefined {
  let body = withoutCurrency(text.trim());
  let negative = false;
  // Accounts write a negative amount in brackets: (1,234.50).
  if (body.startsWith("(") && body.endsWith(")")) {
    negative = true;
    body = withoutCurrency(body.slice(1, -1).trim());
  }
  const minus = notation.minusSigns.find((sign) => body.startsWith(sign));
  if (minus !== undefined || body.startsWith("+")) {
    if (negative) return undefined;
    negative = minus !== undefined;
    body = withoutCurrency(body.slice((minus ?? "+").length).trim());
  }

  const [integer = "", fraction, ...extra] = body.split(notation.decimal);
  if (extra.length > 0 || (fraction !== undefined && !isDigits(fraction))) return undefined;
  const digits = integerDigits(integer, notation, fraction !== undefined);
  if (digits === undefined) return undefined;
  const value = Number(`${negative ? "-" : ""}${digits}.${fraction ?? "0"}`);
  // `+ 0` turns -0 into 0: "-0,00" is nothing owed, not a negative nothing.
  return Number.isFinite(value) ? value + 0 : undefined;
}

const CURRENCY_SIGN = /^\p{Sc}$/u;
const CAPITAL = /^[A-Z]$/;
const LETTER = /^\p{L}$/u;

/** A currency sign or an ISO code before or after the number ("€ 1.234,50", "1,234.50 NZD") is not part of it. */
function withoutCurrency(text: string): string {
  let body = text;
  const [first = ""] = body;
  if (CURRENCY_SIGN.test(first)) body = body.slice(first.length);
  else if (isCode(body.slice(0, 3)) && !LETTER.test(body.charAt(3))) body = body.slice(3);
  const last = body.at(-1) ?? "";
  if (CURRENCY_SIGN.test(last)) body = body.slice(0, -1);
  else if (isCode(body.slice(-3)) && !LETTER.test(body.charAt(body.length - 4))) body = body.slice(0, -3);
  return body.trim();
}

const isCode = (text: string) => text.length === 3 && [...text].every((char) => CAPITAL.test(char));

const isDigits = (text: string) => text !== "" && [...text].every((char) => char >= "0" && char <= "9");

/** The integer part's digits, its separators checked against the locale's group sizes. */
function integerDigits(integer: string, notation: NumberNotation, hasFraction: boolean): string | undefined {
  if (integer === "") return hasFraction ? "0" : undefined;
  // Any of the separator's look-alikes, even mixed: "1 234 567" typed with a space and a no-break space.
  const groups = [""];
  for (const char of integer) {
    if (notation.groups.includes(char)) groups.push("");
    else groups[groups.length - 1] += char;
  }
  if (!groups.every(isDigits)) return undefined;
  if (groups.length > 1) {
    const [first = "", ...rest] = groups;
    const last = rest.pop() ?? "";
    if (first.length > notation.secondaryGroupSize || last.length !== notation.primaryGroupSize) return undefined;
    if (rest.some((digits) => digits.length !== notation.secondaryGroupSize)) return undefined;
  }
  return groups.join("");
}
