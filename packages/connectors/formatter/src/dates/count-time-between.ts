import { defineFormatterAction } from "../define-formatter-action";
import { dateUnitField } from "./date-units";
import { dateTimeField, dateTimeOf } from "./read-date-time";
import { checkTimeZones, timeZoneField } from "./time-zone-field";

const fields = {
  start: dateTimeField("From"),
  end: dateTimeField("To"),
  unit: dateUnitField("Count in"),
  timeZone: timeZoneField(),
};

export const countTimeBetween = defineFormatterAction({
  key: "formatter.countTimeBetween",
  group: "Format dates",
  title: "Time between two dates",
  description:
    "Counts the whole days (or minutes to years) from one date to another; negative when the second is earlier.",
  fields,
  check: (input) => checkTimeZones(input, ["timeZone"]),
  outputSample: { value: 30, exact: 30.5 },
  transform: ({ start, end, unit, timeZone }) => {
    const from = dateTimeOf(fields, "start", start, timeZone);
    const to = dateTimeOf(fields, "end", end, timeZone);
    const exact = to.diff(from, unit).as(unit);
    // The whole units that have passed, as "days overdue" counts them; the rest is in `exact`.
    return { value: Math.trunc(exact) + 0, exact: Number(exact.toPrecision(15)) };
  },
});
