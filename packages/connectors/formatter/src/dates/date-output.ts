// What a date step gives, the same for all of them, so a later step maps the part it needs: the
// full moment (ISO 8601 with its offset), the calendar date for Xero's date fields, the time, and
// the moment as a number.
import { DateTime } from "luxon";

export function dateOutput(moment: DateTime) {
  return {
    value: moment.toISO({ suppressMilliseconds: true }) ?? "",
    date: moment.toISODate() ?? "",
    time: moment.toFormat("HH:mm:ss"),
    timeZone: moment.zoneName ?? "UTC",
    epochMilliseconds: moment.toMillis(),
  };
}

export const sampleDateOutput = dateOutput(DateTime.fromISO("2026-01-31T14:30:00", { zone: "Pacific/Auckland" }));
