import { CronExpressionParser } from "cron-parser";
import { describe, expect, it } from "vitest";
import { type CalendarSchedule, calendarToCron, cronToCalendar } from "./calendar-schedule";
import { describeSchedule } from "./describe-schedule";

const inAuckland = (cron: string) => describeSchedule({ mode: "cron", cron, timezone: "Pacific/Auckland" });

describe("calendar schedules as cron", () => {
  it("writes each calendar shape as the cron expression that fires at those times", () => {
    expect(calendarToCron({ repeat: "daily", time: "09:00" })).toBe("0 9 * * *");
    expect(calendarToCron({ repeat: "weekly", days: [5, 1, 3, 1], time: "07:45" })).toBe("45 7 * * 1,3,5");
    expect(calendarToCron({ repeat: "monthly", day: 15, time: "23:05" })).toBe("5 23 15 * *");
    expect(calendarToCron({ repeat: "monthly", day: "last", time: "17:30" })).toBe("30 17 L * *");
  });

  it("reads back every calendar schedule it writes", () => {
    const schedules: CalendarSchedule[] = [
      { repeat: "daily", time: "00:00" },
      { repeat: "weekly", days: [0, 6], time: "12:30" },
      { repeat: "weekly", days: [2], time: "08:05" },
      { repeat: "monthly", day: 31, time: "06:00" },
      { repeat: "monthly", day: "last", time: "18:00" },
    ];
    for (const schedule of schedules) expect(cronToCalendar(calendarToCron(schedule))).toEqual(schedule);
  });

  it("reads hand-written weekday ranges, lists and Sunday as 7", () => {
    expect(cronToCalendar("0 9 * * 1-5")).toEqual({ repeat: "weekly", days: [1, 2, 3, 4, 5], time: "09:00" });
    expect(cronToCalendar("0 9 * * 5-7")).toEqual({ repeat: "weekly", days: [0, 5, 6], time: "09:00" });
    expect(cronToCalendar("0 9 * * 0-6")).toEqual({ repeat: "daily", time: "09:00" });
  });

  it("leaves what a calendar cannot say as cron", () => {
    for (const cron of [
      "*/15 * * * *",
      "0 8-17 * * *",
      "0 9 1 1 *",
      "0 9 1 * 1",
      "0 9 * * MON",
      "0 9 * * 2/2",
      "0 9 1,15 * *",
    ]) {
      expect(cronToCalendar(cron)).toBeNull();
    }
  });

  it("fires where it says: the last day of the month, in the schedule's zone", () => {
    const expression = CronExpressionParser.parse(calendarToCron({ repeat: "monthly", day: "last", time: "17:30" }), {
      tz: "Pacific/Auckland",
      currentDate: new Date("2027-02-10T00:00:00Z"),
    });
    // 28 February 2027 17:30 in Auckland (NZDT, +13) is 04:30 UTC that day.
    expect(expression.next().toDate().toISOString()).toBe("2027-02-28T04:30:00.000Z");
  });
});

describe("describeSchedule", () => {
  it("says calendar schedules in words with their time zone", () => {
    expect(inAuckland("0 9 * * 1-5")).toBe("Weekdays at 09:00, Pacific/Auckland");
    expect(inAuckland("0 10 * * 0,6")).toBe("Weekends at 10:00, Pacific/Auckland");
    expect(inAuckland("0 9 * * 1")).toBe("Every Monday at 09:00, Pacific/Auckland");
    expect(inAuckland("30 8 * * 1,3,5")).toBe("Mondays, Wednesdays and Fridays at 08:30, Pacific/Auckland");
    expect(inAuckland("0 9 * * *")).toBe("Every day at 09:00, Pacific/Auckland");
    expect(inAuckland("0 9 1 * *")).toBe("Monthly on the 1st at 09:00, Pacific/Auckland");
    expect(inAuckland("0 9 22 * *")).toBe("Monthly on the 22nd at 09:00, Pacific/Auckland");
    expect(inAuckland("30 17 L * *")).toBe("Monthly on the last day at 17:30, Pacific/Auckland");
  });

  it("reads any other cron expression in words", () => {
    expect(inAuckland("*/15 8-17 * * 1-5")).toBe(
      "Every 15 minutes, between 08:00 and 17:59, Monday through Friday, Pacific/Auckland",
    );
  });

  it("counts intervals without a zone (they are counted from the epoch)", () => {
    const every = (everySeconds: number) => describeSchedule({ mode: "interval", everySeconds, timezone: "UTC" });
    expect(every(60)).toBe("Every minute");
    expect(every(900)).toBe("Every 15 minutes");
    expect(every(3_600)).toBe("Every hour");
    expect(every(7_200)).toBe("Every 2 hours");
    expect(every(86_400 * 3)).toBe("Every 3 days");
    expect(every(5_400)).toBe("Every 90 minutes");
  });
});
