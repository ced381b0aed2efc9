// The named formats dates are read from and written in. Reading takes only these (with Luxon's
// fixed patterns, each part of bounded length), never a pattern of the user's: a pattern is
// compiled to a regular expression, and one with many adjacent parts could backtrack for ages.

/** Read as written, each with the variants people send (with a time, one-digit days). */
export const READ_FORMATS = {
  iso: { label: "ISO 8601: 2026-01-31 or 2026-01-31T14:30:00+13:00", patterns: [] },
  dayMonthYear: {
    label: "31/01/2026: day/month/year (NZ, Australia, UK)",
    patterns: ["d/M/yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss"],
  },
  monthDayYear: {
    label: "01/31/2026: month/day/year (US)",
    patterns: ["M/d/yyyy", "M/d/yyyy H:mm", "M/d/yyyy h:mm a", "M/d/yyyy H:mm:ss"],
  },
  dayMonthYearDots: { label: "31.01.2026 (Germany)", patterns: ["d.M.yyyy", "d.M.yyyy H:mm", "d.M.yyyy H:mm:ss"] },
  dayMonthNameYear: { label: "31 Jan 2026 or 31 January 2026", patterns: ["d MMM yyyy", "d MMMM yyyy"] },
  monthNameDayYear: { label: "Jan 31, 2026 or January 31, 2026", patterns: ["MMM d, yyyy", "MMMM d, yyyy"] },
  epochSeconds: { label: "Unix time in seconds (1769823000)", patterns: [] },
  epochMilliseconds: { label: "Unix time in milliseconds (1769823000000)", patterns: [] },
} as const;

export type ReadFormat = keyof typeof READ_FORMATS;

/** Written for people or for another system; `pattern` is the user's own, in Luxon's tokens. */
export const WRITE_FORMATS = {
  iso: { label: "ISO 8601 (2026-01-31T14:30:00+13:00)", pattern: "" },
  date: { label: "2026-01-31", pattern: "yyyy-MM-dd" },
  dayMonthYear: { label: "31/01/2026", pattern: "dd/MM/yyyy" },
  monthDayYear: { label: "01/31/2026", pattern: "MM/dd/yyyy" },
  dayMonthYearDots: { label: "31.01.2026", pattern: "dd.MM.yyyy" },
  dayMonthNameYear: { label: "31 Jan 2026", pattern: "d MMM yyyy" },
  longDate: { label: "31 January 2026", pattern: "d MMMM yyyy" },
  monthNameDayYear: { label: "January 31, 2026", pattern: "MMMM d, yyyy" },
  dateTime: { label: "31/01/2026 14:30", pattern: "dd/MM/yyyy HH:mm" },
  time: { label: "14:30", pattern: "HH:mm" },
  epochSeconds: { label: "Unix time in seconds (1769823000)", pattern: "" },
  epochMilliseconds: { label: "Unix time in milliseconds (1769823000000)", pattern: "" },
  pattern: { label: "My own pattern", pattern: "" },
} as const;

export type WriteFormat = keyof typeof WRITE_FORMATS;

/** A select's choices from one of the tables above, its values typed as the table's keys. */
export const formatChoices = <K extends string>(formats: Record<K, { label: string }>) =>
  (Object.keys(formats) as K[]).map((value) => ({ value, label: formats[value].label }));
