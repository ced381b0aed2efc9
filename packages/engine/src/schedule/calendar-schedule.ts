// A schedule as a bookkeeper says it — every day, on chosen days of the week, or on a day of the
// month, at a time — stored as the cron expression it stands for, so the worker's job schedulers
// (which speak cron) need nothing new and an expression typed by hand reads back as words when it
// has one of these shapes.
import { z } from "zod";

/** Days of the week as cron numbers them: 0 is Sunday. */
export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 09:00");
const weekdaySchema = z.number().int().min(0).max(6);

export const calendarScheduleSchema = z.discriminatedUnion("repeat", [
  z.object({ repeat: z.literal("daily"), time: timeSchema }),
  z.object({
    repeat: z.literal("weekly"),
    days: z.array(weekdaySchema).min(1, "Choose at least one day of the week"),
    time: timeSchema,
  }),
  z.object({
    repeat: z.literal("monthly"),
    day: z.union([z.number().int().min(1).max(31), z.literal("last")]),
    time: timeSchema,
  }),
]);

export type CalendarSchedule = z.output<typeof calendarScheduleSchema>;

/** The cron expression a calendar schedule stands for. */
export function calendarToCron(schedule: CalendarSchedule): string {
  const [hour, minute] = schedule.time.split(":").map(Number) as [number, number];
  const at = `${minute} ${hour}`;
  if (schedule.repeat === "daily") return `${at} * * *`;
  if (schedule.repeat === "monthly") return `${at} ${schedule.day === "last" ? "L" : schedule.day} * *`;
  return `${at} * * ${[...new Set(schedule.days)].sort((a, b) => a - b).join(",")}`;
}

const plainNumber = /^\d{1,2}$/;

/** "1-5", "1,3,5", "0,6", "7" → the days they name; null for steps, names or anything else. */
function parseWeekdays(field: string): number[] | null {
  const days = new Set<number>();
  for (const part of field.split(",")) {
    const range = /^(\d)(?:-(\d))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from > 7 || to > 7 || to < from) return null;
    // Cron allows 7 for Sunday as well as 0.
    for (let day = from; day <= to; day++) days.add(day % 7);
  }
  return [...days].sort((a, b) => a - b);
}

/**
 * The calendar schedule a cron expression has the shape of, or null when it says more than a
 * calendar can (steps, ranges of hours, named months…): those stay cron.
 */
export function cronToCalendar(cron: string): CalendarSchedule | null {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return null;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parts as [string, string, string, string, string];
  if (!plainNumber.test(minute) || !plainNumber.test(hour) || month !== "*") return null;
  if (Number(minute) > 59 || Number(hour) > 23) return null;
  const time = `${hour.padStart(2, "0")}:${minute.padStart(2, "0")}`;
  if (dayOfMonth === "*" && dayOfWeek === "*") return { repeat: "daily", time };
  if (dayOfMonth === "*") {
    const days = parseWeekdays(dayOfWeek);
    if (!days) return null;
    return days.length === 7 ? { repeat: "daily", time } : { repeat: "weekly", days, time };
  }
  if (dayOfWeek !== "*") return null;
  if (dayOfMonth === "L") return { repeat: "monthly", day: "last", time };
  const day = Number(dayOfMonth);
  return plainNumber.test(dayOfMonth) && day >= 1 && day <= 31 ? { repeat: "monthly", day, time } : null;
}
