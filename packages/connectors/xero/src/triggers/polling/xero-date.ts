/**
 * A date-time as Xero's JSON writes it, `/Date(1767225600000+0000)/` (milliseconds since 1970,
 * UTC; UpdatedDateUTC, DueDate…). Null for anything else.
 */
export function parseXeroDate(value: unknown): Date | null {
  const match = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(String(value ?? ""));
  return match ? new Date(Number(match[1])) : null;
}
