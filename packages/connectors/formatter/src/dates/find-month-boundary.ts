import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { dateOutput, sampleDateOutput } from "./date-output";
import { dateTimeField, dateTimeOf } from "./read-date-time";
import { checkTimeZones, timeZoneField } from "./time-zone-field";

const fields = {
  date: dateTimeField("Date"),
  boundary: field.select({
    label: "Give",
    required: true,
    default: "end",
    options: {
      static: [
        { value: "start", label: "The first moment of its month" },
        { value: "end", label: "The last moment of its month" },
      ],
    },
  }),
  timeZone: timeZoneField(),
};

export const findMonthBoundary = defineFormatterAction({
  key: "formatter.findMonthBoundary",
  group: "Format dates",
  title: "Start or end of the month",
  description: "Gives the first or last day (and moment) of a date's month, e.g. a due date at the end of the month.",
  fields,
  check: (input) => checkTimeZones(input, ["timeZone"]),
  outputSample: { ...sampleDateOutput, value: "2026-01-31T23:59:59.999+13:00", date: "2026-01-31", time: "23:59:59" },
  transform: ({ date, boundary, timeZone }) => {
    const moment = dateTimeOf(fields, "date", date, timeZone);
    return dateOutput(boundary === "start" ? moment.startOf("month") : moment.endOf("month"));
  },
});
