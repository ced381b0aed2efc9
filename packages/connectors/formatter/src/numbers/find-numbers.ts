// Numbers in free text, as a locale writes them ("Total: 1.234,50 €" in German holds 1234.5): one
// pass that takes each run of digits with the locale's marks inside it and reads it with
// readLocaleNumber. A run the locale would not write ("1,2,3" in English) is passed over.
import type { NumberNotation } from "./number-locale";
import { readLocaleNumber } from "./read-locale-number";

const isDigit = (char: string) => char >= "0" && char <= "9";
const isWordChar = (char: string) => /^[\p{L}\p{N}]$/u.test(char);

export function findNumbers(text: string, notation: NumberNotation): number[] {
  const chars = Array.from(text);
  const inside = (char: string) => isDigit(char) || char === notation.decimal || notation.groups.includes(char);
  const found: number[] = [];
  let at = 0;
  while (at < chars.length) {
    if (!isDigit(chars[at] ?? "")) {
      at += 1;
      continue;
    }
    let start = at;
    // A minus sign right before the digits, not joining two words or numbers ("2026-01-31").
    const before = chars[start - 1] ?? "";
    if (notation.minusSigns.includes(before) && !isWordChar(chars[start - 2] ?? "")) start -= 1;
    let end = at;
    while (end < chars.length && inside(chars[end] ?? "")) end += 1;
    at = end;
    // A full stop or a comma after the number belongs to the sentence.
    while (!isDigit(chars[end - 1] ?? "")) end -= 1;
    const value = readLocaleNumber(chars.slice(start, end).join(""), notation);
    if (value !== undefined) found.push(value);
  }
  return found;
}
