import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { dateOutput, sampleDateOutput } from "./date-output";
import { dateUnitField } from "./date-units";
import { dateTimeField, dateTimeOf } from "./read-date-time";
import { checkTimeZones, timeZoneField } from "./time-zone-field";

const fields = {
  date: dateTimeField("Date"),
  direction: field.select({
    label: "Add or subtract",
    required: true,
    default: "add",
    options: {
      static: [
        { value: "add", label: "Add" },
        { value: "subtract", label: "Subtract" },
      ],
    },
  }),
  amount: field.number({ label: "How many", required: true }),
  unit: dateUnitField("Of"),
  timeZone: timeZoneField(),
};

export const shiftDate = defineFormatterAction({
  key: "formatter.shiftDate",
  group: "Format dates",
  title: "Add to or subtract from a date",
  description:
    "Moves a date by minutes, hours, days, weeks, months or years (a due date 20 days after the invoice date).",
  fields,
  check: (input) => [
    ...(Number.isInteger(input.amount)
      ? []
      : [{ field: "amount" as const, message: "give a whole number, e.g. 90 minutes rather than 1.5 hours" }]),
    ...checkTimeZones(input, ["timeZone"]),
  ],
  outputSample: sampleDateOutput,
  transform: ({ date, direction, amount, unit, timeZone }) => {
    const moment = dateTimeOf(fields, "date", date, timeZone);
    return dateOutput(moment.plus({ [unit]: direction === "add" ? amount : -amount }));
  },
});
