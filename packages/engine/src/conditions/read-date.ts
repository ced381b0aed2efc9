// Reads a condition's value as a calendar day. Dates in accounting are days (an invoice is due on
// the 1st, not at 00:00 UTC on the 1st), so every notation is reduced to `YYYY-MM-DD` and compared
// by day:
// - an ISO date "2026-12-01" is that day;
// - an ISO date-time "2026-12-01T23:30:00+13:00" is the day as written, in its own offset (an order
//   placed late on the 1st in Auckland belongs to the 1st), as field coercion does;
// - Xero's "/Date(1767225600000+0000)/" and epoch milliseconds (a JSON number) are instants, whose
//   day is taken in UTC — Xero sends its dates as midnight UTC of the day meant.
// Epoch seconds and digit strings are refused: 20261201 or "1767225600" would be read as the wrong
// day without a word.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const MS_JSON_DATE = /^\/Date\((-?\d{1,15})([+-]\d{4})?\)\/$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MS_PER_DAY = 86_400_000;
/** Longer text is no date; refusing it early keeps the patterns' work small. */
const MAX_LENGTH = 40;

/** A day as days since 1970-01-01, so before/after/within are plain integer comparisons. */
export type DayNumber = number;

export function readDay(value: unknown): DayNumber | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? dayOfInstant(value) : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text.length > MAX_LENGTH) return undefined;
  const msJson = MS_JSON_DATE.exec(text);
  if (msJson) return dayOfInstant(Number(msJson[1]));
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) {
    const [hours, minutes] = [Number(dateTime[2]), Number(dateTime[3])];
    return hours < 24 && minutes < 60 ? calendarDay(dateTime[1]!) : undefined;
  }
  return calendarDay(text);
}

/** "2026-12-01" → its day number; undefined for "2026-02-30" and anything not a date. */
function calendarDay(text: string): DayNumber | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.getTime() / MS_PER_DAY;
}

function dayOfInstant(ms: number): DayNumber | undefined {
  // Beyond ±100,000,000 days JavaScript has no date; such a value is no date anyone meant.
  const day = Math.floor(ms / MS_PER_DAY);
  return Number.isNaN(new Date(day * MS_PER_DAY).getTime()) ? undefined : day;
}

/**
 * Today's day number in an IANA time zone (the flow's), so "within the last 7 days" means the user's
 * week. An unknown zone or an invalid date throws a RangeError: both are the caller's settings, not data.
 */
export function today(now: Date, timeZone: string): DayNumber {
  // en-CA writes YYYY-MM-DD; the numbers, not the wording, are used.
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((found) => found.type === type)?.value;
  const day = calendarDay(`${part("year")}-${part("month")}-${part("day")}`);
  if (day === undefined) throw new RangeError(`no calendar day for ${now.toISOString()} in ${timeZone}`);
  return day;
}

/** How a day reads in an explanation: "1 Dec 2026" — the same in every locale, never 12/1 or 1/12. */
export function formatDay(day: DayNumber): string {
  const date = new Date(day * MS_PER_DAY);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
