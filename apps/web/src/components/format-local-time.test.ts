import { describe, expect, it } from "vitest";
import { formatDate, formatDay, formatExact, formatLocalTime, formatRelative, SERVER_ZONE } from "./format-local-time";

const now = Date.parse("2026-03-12T10:00:00.000Z");
const secondsAgo = (seconds: number) => new Date(now - seconds * 1000);
const auckland = { locale: "en-GB", timeZone: "Pacific/Auckland" };

describe("formatRelative", () => {
  it("says just now within 45 seconds either way, and a minute from 45 seconds on", () => {
    expect(formatRelative(secondsAgo(44), now)).toBe("just now");
    expect(formatRelative(secondsAgo(-44), now)).toBe("just now");
    expect(formatRelative(secondsAgo(45), now)).toBe("1 minute ago");
    expect(formatRelative(secondsAgo(59), now)).toBe("1 minute ago");
  });

  it("writes the largest unit the time holds at least once, rounded", () => {
    expect(formatRelative(secondsAgo(5 * 60), now)).toBe("5 minutes ago");
    expect(formatRelative(secondsAgo(3600), now)).toBe("1 hour ago");
    expect(formatRelative(secondsAgo(5 * 3600 + 40 * 60), now)).toBe("6 hours ago");
    expect(formatRelative(secondsAgo(24 * 3600), now)).toBe("yesterday");
    expect(formatRelative(secondsAgo(3 * 24 * 3600), now)).toBe("3 days ago");
    expect(formatRelative(secondsAgo(14 * 24 * 3600), now)).toBe("2 weeks ago");
    expect(formatRelative(secondsAgo(400 * 24 * 3600), now)).toBe("last year");
  });

  it("reads times ahead of now as the future", () => {
    expect(formatRelative(secondsAgo(-2 * 3600), now)).toBe("in 2 hours");
  });
});

describe("formatExact and formatDate", () => {
  const date = new Date("2026-03-12T10:04:05.000Z");

  it("writes the server's render in UTC, naming the zone", () => {
    expect(formatExact(date, SERVER_ZONE)).toBe("12 Mar 2026, 10:04:05 UTC");
    expect(formatDate(date, SERVER_ZONE)).toBe("12 Mar 2026");
  });

  it("writes a viewer's zone, whose calendar day can differ from UTC's", () => {
    expect(formatExact(date, auckland)).toBe("12 Mar 2026, 23:04:05 GMT+13");
    expect(formatDate(new Date("2026-03-12T13:00:00.000Z"), auckland)).toBe("13 Mar 2026");
  });
});

describe("formatDay", () => {
  it("names the day it is given in the reader's locale, never the day before in a zone west of UTC", () => {
    expect(formatDay("2026-03-12", SERVER_ZONE)).toBe("12 Mar");
    expect(formatDay("2026-03-12", { locale: "en-US" })).toBe("Mar 12");
    expect(formatDay("2026-03-12", { locale: "de-DE" })).toBe("12. März");
  });
});

describe("formatExact in the reader's locale", () => {
  it("orders day and month as the locale does, in the zone asked for", () => {
    const date = new Date("2026-03-12T10:04:05.000Z");
    expect(formatExact(date, { locale: "en-US", timeZone: "UTC" })).toBe("Mar 12, 2026, 10:04:05 AM UTC");
    expect(formatExact(date, { locale: "en-NZ", timeZone: "Pacific/Auckland" })).toBe("12 Mar 2026, 11:04:05 pm NZDT");
  });
});

describe("formatLocalTime", () => {
  const date = secondsAgo(5 * 60);

  it("gives relative and date texts the exact time as their title, and an exact text none", () => {
    expect(formatLocalTime(date, "relative", { now, zone: SERVER_ZONE })).toEqual({
      text: "5 minutes ago",
      title: "12 Mar 2026, 09:55:00 UTC",
    });
    expect(formatLocalTime(date, "date", { now, zone: auckland })).toEqual({
      text: "12 Mar 2026",
      title: "12 Mar 2026, 22:55:00 GMT+13",
    });
    expect(formatLocalTime(date, "exact", { now, zone: SERVER_ZONE })).toEqual({
      text: "12 Mar 2026, 09:55:00 UTC",
      title: undefined,
    });
  });
});
