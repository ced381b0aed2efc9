import { describe, expect, it } from "vitest";
import { testFormatterStep } from "../testing/test-formatter-step";

type Case = [name: string, input: Record<string, unknown>, output: unknown, body?: unknown];

/** What every date step gives for one moment, as the tables below expect it. */
const moment = (value: string, timeZone: string, epochMilliseconds: number) => ({
  value,
  date: value.slice(0, 10),
  time: value.slice(11, 19),
  timeZone,
  epochMilliseconds,
});

const AKL = "Pacific/Auckland";
/** 2026-01-31T01:30:00Z: 14:30 in Auckland (summer, +13:00). */
const EPOCH = 1769823000000;

const cases: Record<string, Case[]> = {
  "formatter.parseDate": [
    [
      "ISO with an offset, given in the step's zone",
      { text: "2026-01-31T14:30:00+13:00", timeZone: "UTC" },
      moment("2026-01-31T01:30:00Z", "UTC", EPOCH),
    ],
    [
      "ISO date alone, midnight where it happened",
      { text: "2026-01-31", timeZone: AKL },
      moment("2026-01-31T00:00:00+13:00", AKL, Date.UTC(2026, 0, 30, 11)),
    ],
    [
      "day/month/year",
      { text: "31/01/2026 14:30", format: "dayMonthYear", timeZone: AKL },
      moment("2026-01-31T14:30:00+13:00", AKL, EPOCH),
    ],
    [
      "one-digit day and month",
      { text: "1/2/2026", format: "dayMonthYear" },
      moment("2026-02-01T00:00:00Z", "UTC", Date.UTC(2026, 1, 1)),
    ],
    [
      "month/day/year with am/pm",
      { text: "01/31/2026 1:30 AM", format: "monthDayYear" },
      moment("2026-01-31T01:30:00Z", "UTC", EPOCH),
    ],
    [
      "German dots",
      { text: "31.01.2026", format: "dayMonthYearDots" },
      moment("2026-01-31T00:00:00Z", "UTC", Date.UTC(2026, 0, 31)),
    ],
    [
      "a month's name",
      { text: "January 31, 2026", format: "monthNameDayYear" },
      moment("2026-01-31T00:00:00Z", "UTC", Date.UTC(2026, 0, 31)),
    ],
    [
      "a short month's name",
      { text: "31 Jan 2026", format: "dayMonthNameYear" },
      moment("2026-01-31T00:00:00Z", "UTC", Date.UTC(2026, 0, 31)),
    ],
    [
      "a leap day",
      { text: "29/02/2024", format: "dayMonthYear" },
      moment("2024-02-29T00:00:00Z", "UTC", Date.UTC(2024, 1, 29)),
    ],
    [
      "Unix seconds",
      { text: "1769823000", format: "epochSeconds", timeZone: AKL },
      moment("2026-01-31T14:30:00+13:00", AKL, EPOCH),
    ],
    [
      "Unix milliseconds, mapped as a number",
      { text: "{{trigger.body.at}}", format: "epochMilliseconds" },
      moment("2026-01-31T01:30:00Z", "UTC", EPOCH),
      { at: EPOCH },
    ],
    ["Xero's own dates", { text: "/Date(1769823000000+0000)/" }, moment("2026-01-31T01:30:00Z", "UTC", EPOCH)],
    [
      "a time the clocks skip (DST starts) moves forward",
      { text: "2026-09-27 02:30", timeZone: AKL },
      moment("2026-09-27T03:30:00+13:00", AKL, Date.UTC(2026, 8, 26, 14, 30)),
    ],
  ],
  "formatter.formatDate": [
    ["day/month/year by default", { date: "2026-01-31T14:30:00+13:00", timeZone: AKL }, { value: "31/01/2026" }],
    ["the day it is in the step's zone", { date: "2026-01-31T23:30:00Z", timeZone: AKL }, { value: "01/02/2026" }],
    [
      "a month's name in German",
      { date: "2026-01-31", format: "longDate", locale: "de-DE" },
      { value: "31 Januar 2026" },
    ],
    [
      "own pattern",
      { date: "2026-01-31T14:30:00+13:00", format: "pattern", pattern: "EEEE d MMMM yyyy 'at' HH:mm", timeZone: AKL },
      { value: "Saturday 31 January 2026 at 14:30" },
    ],
    ["ISO", { date: "2026-01-31T01:30:00Z", format: "iso", timeZone: AKL }, { value: "2026-01-31T14:30:00+13:00" }],
    ["Unix seconds", { date: "2026-01-31T14:30:00+13:00", format: "epochSeconds" }, { value: "1769823000" }],
    ["Unix milliseconds", { date: "2026-01-31T14:30:00+13:00", format: "epochMilliseconds" }, { value: String(EPOCH) }],
    ["a time", { date: "2026-01-31T14:30:00+13:00", format: "time", timeZone: "Europe/London" }, { value: "01:30" }],
  ],
  "formatter.shiftDate": [
    ["days", { date: "2026-01-31", amount: 20 }, moment("2026-02-20T00:00:00Z", "UTC", Date.UTC(2026, 1, 20))],
    [
      "a month from the 31st ends on February's last day",
      { date: "2026-01-31", amount: 1, unit: "months" },
      moment("2026-02-28T00:00:00Z", "UTC", Date.UTC(2026, 1, 28)),
    ],
    [
      "into a leap day",
      { date: "2023-02-28", amount: 1, unit: "years" },
      moment("2024-02-28T00:00:00Z", "UTC", Date.UTC(2024, 1, 28)),
    ],
    [
      "subtracted",
      { date: "2026-01-31T14:30:00Z", direction: "subtract", amount: 90, unit: "minutes" },
      moment("2026-01-31T13:00:00Z", "UTC", Date.UTC(2026, 0, 31, 13)),
    ],
    [
      "a day across the clock change keeps the time",
      { date: "2026-04-04T12:00:00", amount: 1, timeZone: AKL },
      moment("2026-04-05T12:00:00+12:00", AKL, Date.UTC(2026, 3, 5, 0)),
    ],
    [
      "24 hours across it does not",
      { date: "2026-04-04T12:00:00", amount: 24, unit: "hours", timeZone: AKL },
      moment("2026-04-05T11:00:00+12:00", AKL, Date.UTC(2026, 3, 4, 23)),
    ],
  ],
  "formatter.countTimeBetween": [
    ["whole days", { start: "2026-01-01", end: "2026-01-31" }, { value: 30, exact: 30 }],
    ["the part of a day in exact", { start: "2026-01-01", end: "2026-01-31T12:00:00" }, { value: 30, exact: 30.5 }],
    [
      "negative when the second is earlier",
      { start: "2026-01-31T12:00:00", end: "2026-01-01" },
      { value: -30, exact: -30.5 },
    ],
    [
      "a day across the clock change is one day",
      { start: "2026-04-04T12:00:00", end: "2026-04-05T12:00:00", timeZone: AKL },
      { value: 1, exact: 1 },
    ],
    [
      "in hours it is 25",
      { start: "2026-04-04T12:00:00", end: "2026-04-05T12:00:00", unit: "hours", timeZone: AKL },
      { value: 25, exact: 25 },
    ],
    ["a leap year in days", { start: "2024-01-01", end: "2025-01-01" }, { value: 366, exact: 366 }],
    [
      "months",
      { start: "2026-01-15", end: "2026-04-14", unit: "months" },
      { value: 2, exact: expect.closeTo(2.97, 2) },
    ],
  ],
  "formatter.convertTimeZone": [
    [
      "from UTC",
      { date: "2026-01-31T23:30:00Z", toTimeZone: AKL },
      moment("2026-02-01T12:30:00+13:00", AKL, Date.UTC(2026, 0, 31, 23, 30)),
    ],
    [
      "a time without an offset, from where it happened",
      { date: "2026-01-31 23:30", fromTimeZone: "Europe/London", toTimeZone: "Australia/Sydney" },
      moment("2026-02-01T10:30:00+11:00", "Australia/Sydney", Date.UTC(2026, 0, 31, 23, 30)),
    ],
  ],
  "formatter.findMonthBoundary": [
    [
      "the end of a leap February",
      { date: "2024-02-10" },
      { ...moment("2024-02-29T23:59:59.999Z", "UTC", Date.UTC(2024, 1, 29, 23, 59, 59, 999)), time: "23:59:59" },
    ],
    [
      "the start of the month it is in the step's zone",
      { date: "2026-01-31T23:30:00Z", boundary: "start", timeZone: AKL },
      moment("2026-02-01T00:00:00+13:00", AKL, Date.UTC(2026, 0, 31, 11)),
    ],
  ],
};

describe.each(Object.entries(cases))("%s", (action, table) => {
  it.each(table)("%s", async (_name, input, output, body) => {
    expect(await testFormatterStep(action, input, body)).toEqual({ output });
  });
});

describe("date steps refuse what they cannot read, naming the field", () => {
  it.each([
    [
      "formatter.parseDate",
      { text: "31/13/2026", format: "dayMonthYear" },
      "text",
      'Date to read "31/13/2026" is not a date written as 31/01/2026: day/month/year',
    ],
    ["formatter.parseDate", { text: "29/02/2026", format: "dayMonthYear" }, "text", "is not a date written as"],
    [
      "formatter.parseDate",
      { text: "yesterday" },
      "text",
      'Date to read "yesterday" is not a date written as ISO 8601',
    ],
    [
      "formatter.parseDate",
      { text: "12abc", format: "epochSeconds" },
      "text",
      "is not a date written as Unix time in seconds",
    ],
    [
      "formatter.parseDate",
      { text: "2026-01-31", timeZone: "Auckland" },
      "timeZone",
      'Time zone: "Auckland" is not a time zone',
    ],
    ["formatter.parseDate", { text: "2026-01-31", timeZone: "local" }, "timeZone", "is not a time zone"],
    ["formatter.formatDate", { date: "not a date" }, "date", 'Date "not a date" is not a date like 2026-01-31'],
    ["formatter.formatDate", { date: "2026-01-31", format: "pattern" }, "pattern", "Pattern is required"],
    ["formatter.shiftDate", { date: "2026-01-31", amount: 1.5 }, "amount", "How many: give a whole number"],
    ["formatter.shiftDate", { date: "{{trigger.body.none}}", amount: 1 }, "date", "Date is required"],
    [
      "formatter.countTimeBetween",
      { start: "2026-01-31", end: "31/01/2026" },
      "end",
      'To "31/01/2026" is not a date like 2026-01-31',
    ],
    [
      "formatter.convertTimeZone",
      { date: "2026-01-31", toTimeZone: "Mars/Base" },
      "toTimeZone",
      'To time zone: "Mars/Base" is not a time zone',
    ],
    ["formatter.findMonthBoundary", { date: "2026-02-30" }, "date", "is not a date like"],
  ])("%s %j", async (action, input, field, message) => {
    const { error } = await testFormatterStep(action, input);
    expect(error).toMatchObject({ code: "invalid_input", field });
    expect(error?.message).toContain(message);
  });
});
