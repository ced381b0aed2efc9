// The one way the app writes a point in time. Pure, so the server and the browser (and the tests)
// compute the same text from the same inputs.

/** How a time is shown: "5 minutes ago", "12 Mar 2026, 10:04:05 UTC", or "12 Mar 2026". */
export type TimeFormat = "relative" | "exact" | "date";

/**
 * Where the text is read. The server knows no viewer, so it writes British English in UTC; the
 * browser passes `undefined` for both, meaning the viewer's own locale and time zone.
 */
export interface TimeZoneChoice {
  locale: string | undefined;
  timeZone: string | undefined;
}

export const SERVER_ZONE: TimeZoneChoice = { locale: "en-GB", timeZone: "UTC" };

// Largest first: a time is written in the largest unit it holds at least once.
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

// Relative text stays English whatever the locale: it sits inside English sentences ("Tested 5 minutes ago").
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "just now" within 45 s, else the largest whole unit: "5 minutes ago", "yesterday", "in 2 hours". */
export function formatRelative(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  const [unit, size] = units.find(([, unitSeconds]) => Math.abs(seconds) >= unitSeconds) ?? ["minute", 60];
  return relative.format(Math.round(seconds / size), unit);
}

/** The full date and time to the second, with the zone's name, so no reader has to guess it. */
export function formatExact(date: Date, { locale, timeZone }: TimeZoneChoice): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}

/** The calendar date only ("12 Mar 2026"), for when the time of day does not matter. */
export function formatDate(date: Date, { locale, timeZone }: TimeZoneChoice): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone }).format(date);
}

/**
 * A calendar day kept as `YYYY-MM-DD` (run history counts runs per UTC day) as day and month
 * ("12 Mar") in the reader's locale. The day is the one named, whatever the reader's zone.
 */
export function formatDay(day: string, { locale }: Pick<TimeZoneChoice, "locale">): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(day));
}

/** The visible text of a time and, for relative and date formats, the exact time as its tooltip. */
export function formatLocalTime(
  date: Date,
  format: TimeFormat,
  { now, zone }: { now: number; zone: TimeZoneChoice },
): { text: string; title: string | undefined } {
  const exact = formatExact(date, zone);
  if (format === "exact") return { text: exact, title: undefined };
  return { text: format === "relative" ? formatRelative(date, now) : formatDate(date, zone), title: exact };
}
