// The one rule for comparing text in conditions, as Zapier does: letter case and the blanks around
// a value never matter ("  PAID " is "paid"), the spacing inside does. Accented letters are compared
// in one Unicode form (NFC), so "é" typed and "é" pasted from a PDF are the same letter.
import { isPlainObject } from "../plain-data";

/** Text as compared; numbers and yes/no read as they print (12.5 → "12.5", true → "true"). */
export function readText(value: unknown): string | undefined {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return fold(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "boolean") return String(value);
  // Lists and records are not text: "contains" on a list is the list operator's question.
  return undefined;
}

function fold(text: string): string {
  // toLowerCase, not toLocaleLowerCase: the outcome must not depend on the server's locale.
  return text.trim().normalize("NFC").toLowerCase();
}

/**
 * Empty, for every operator that asks: nothing (a missing field), null, text of blanks only, an
 * empty list or an empty record.
 */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}
