import { describe, expect, it } from "vitest";
import { formatDay, readDay, today } from "./read-date";

const shown = (value: unknown) => {
  const day = readDay(value);
  return day === undefined ? undefined : formatDay(day);
};

describe("readDay reduces every accepted notation to a calendar day", () => {
  it.each([
    ["2026-12-01", "1 Dec 2026"],
    [" 2026-12-01 ", "1 Dec 2026"],
    ["2024-02-29", "29 Feb 2024"],
    ["2026-12-01T10:30", "1 Dec 2026"],
    ["2026-12-01 10:30:00", "1 Dec 2026"],
    ["2026-12-01T10:30:00Z", "1 Dec 2026"],
    // The day as written, in its own offset: late on the 1st in Auckland is the 1st.
    ["2026-12-01T23:30:00+13:00", "1 Dec 2026"],
    ["2026-12-01T00:30:00.123-0500", "1 Dec 2026"],
    ["/Date(1767225600000+0000)/", "1 Jan 2026"],
    ["/Date(1767225600000)/", "1 Jan 2026"],
    ["/Date(-86400000)/", "31 Dec 1969"],
    [1767225600000, "1 Jan 2026"],
    [1767225599999, "31 Dec 2025"],
  ])("%j → %s", (value, expected) => {
    expect(shown(value)).toBe(expected);
  });

  it.each([
    ["2026-02-29"],
    ["2026-13-01"],
    ["2026-12-1"],
    ["01/12/2026"],
    ["1 Dec 2026"],
    ["2026-12-01T24:00"],
    ["2026-12-01T10:60"],
    ["1767225600"], // digits as text: seconds or milliseconds? Refused rather than guessed.
    ["/Date(abc)/"],
    [1767225600000.5],
    [Number.MAX_SAFE_INTEGER],
    [""],
    [true],
    [null],
    [undefined],
    [["2026-12-01"]],
    [{ date: "2026-12-01" }],
  ])("%j is not a date", (value) => {
    expect(readDay(value)).toBeUndefined();
  });
});

describe("today", () => {
  const now = new Date("2026-12-01T20:00:00Z");

  it("is the calendar day in the flow's time zone", () => {
    expect(formatDay(today(now, "UTC"))).toBe("1 Dec 2026");
    expect(formatDay(today(now, "Pacific/Auckland"))).toBe("2 Dec 2026");
    expect(formatDay(today(now, "America/Los_Angeles"))).toBe("1 Dec 2026");
  });

  it("refuses an unknown zone or an invalid date loudly: they are settings, not data", () => {
    expect(() => today(now, "Mars/Olympus")).toThrow(RangeError);
    expect(() => today(new Date(Number.NaN), "UTC")).toThrow(RangeError);
  });
});
