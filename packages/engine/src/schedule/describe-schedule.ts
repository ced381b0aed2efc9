import cronstrue from "cronstrue";
import type { ScheduleConfig } from "../trigger-schema";
import { type CalendarSchedule, cronToCalendar, WEEKDAY_NAMES } from "./calendar-schedule";

const WEEKDAYS = "1,2,3,4,5";
const WEEKEND = "0,6";

function ordinal(day: number): string {
  const suffix = new Intl.PluralRules("en", { type: "ordinal" }).select(day);
  return `${day}${{ one: "st", two: "nd", few: "rd" }[suffix as "one" | "two" | "few"] ?? "th"}`;
}

function listInWords(words: string[]): string {
  return new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" }).format(words);
}

function describeCalendar(schedule: CalendarSchedule): string {
  const at = `at ${schedule.time}`;
  if (schedule.repeat === "daily") return `Every day ${at}`;
  if (schedule.repeat === "monthly") {
    return `Monthly on the ${schedule.day === "last" ? "last day" : ordinal(schedule.day)} ${at}`;
  }
  const days = schedule.days.join(",");
  if (days === WEEKDAYS) return `Weekdays ${at}`;
  if (days === WEEKEND) return `Weekends ${at}`;
  const names = schedule.days.map((day) => WEEKDAY_NAMES[day] as string);
  if (names.length === 1) return `Every ${names[0]} ${at}`;
  return `${listInWords(names.map((name) => `${name}s`))} ${at}`;
}

function describeEvery(seconds: number): string {
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  const [size, unit] = units.find(([candidate]) => seconds % candidate === 0) ?? [1, "second"];
  const count = seconds / size;
  return count === 1 ? `Every ${unit}` : `Every ${count} ${unit}s`;
}

/**
 * A schedule in words, as the editor, the trigger card and the flow list show it: "Weekdays at
 * 09:00, Pacific/Auckland". Calendar shapes get our own words; any other cron expression is read
 * by cronstrue ("Every 15 minutes, between 08:00 and 17:59, Monday through Friday"). Intervals
 * are counted from the Unix epoch, not from a time of day, so they name no time zone.
 */
export function describeSchedule(config: ScheduleConfig): string {
  if (config.mode === "interval") return describeEvery(config.everySeconds);
  const calendar = cronToCalendar(config.cron);
  if (calendar) return `${describeCalendar(calendar)}, ${config.timezone}`;
  try {
    return `${cronstrue.toString(config.cron, { use24HourTimeFormat: true, verbose: false })}, ${config.timezone}`;
  } catch {
    return `Cron ${config.cron}, ${config.timezone}`;
  }
}
