// Reads a condition's value as a number the way a bookkeeper writes one: 1200.5, "1200.5" or
// "1,200.50". Only two notations are accepted — plain and comma-grouped thousands with a point for
// decimals — because "1.200,50" or "1,200" in other conventions would silently mean another amount;
// anything else is "not a number" and explained, never guessed.

/** Plain: optional sign, digits, optional decimals ("-12", "1200.50", ".5" is refused as unusual). */
const PLAIN = /^[+-]?\d+(\.\d+)?$/;
/** Grouped: commas every three digits from the point, the first group 1–3 digits ("1,200.50"). */
const COMMA_GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** Longer text is no amount anyone types; refusing it early keeps the patterns' work small. */
const MAX_LENGTH = 40;

export function readNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text.length > MAX_LENGTH) return undefined;
  if (!PLAIN.test(text) && !COMMA_GROUPED.test(text)) return undefined;
  const number = Number(text.replaceAll(",", ""));
  // 400 digits parse to Infinity: no amount, so not a number.
  return Number.isFinite(number) ? number : undefined;
}

/** A whole number of days or items, at least zero (`3`, `"3"`; not `2.5`, not `-1`). */
export function readCount(value: unknown): number | undefined {
  const number = readNumber(value);
  return number !== undefined && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}
