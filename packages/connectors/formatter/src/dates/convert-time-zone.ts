import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { dateOutput, sampleDateOutput } from "./date-output";
import { dateTimeField, dateTimeOf } from "./read-date-time";
import { checkTimeZones, timeZoneField } from "./time-zone-field";

const fields = {
  date: dateTimeField("Date and time"),
  fromTimeZone: timeZoneField(
    "From time zone",
    "For a time written without an offset: where it happened. Empty: the flow's time zone.",
  ),
  toTimeZone: field.text({ label: "To time zone", help: "e.g. Pacific/Auckland.", required: true, maxLength: 64 }),
};

export const convertTimeZone = defineFormatterAction({
  key: "formatter.convertTimeZone",
  group: "Format dates",
  title: "Convert to another time zone",
  description:
    "Gives the same moment as the clock shows it in another time zone (an order at 23:30 UTC is 12:30 next day in Auckland).",
  fields,
  check: (input) => checkTimeZones(input, ["fromTimeZone", "toTimeZone"]),
  outputSample: sampleDateOutput,
  transform: ({ date, fromTimeZone, toTimeZone }) =>
    dateOutput(dateTimeOf(fields, "date", date, fromTimeZone).setZone(toTimeZone)),
});
