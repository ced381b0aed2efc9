import { field } from "@ledgerflow/engine";
import { DateTime } from "luxon";
import { defineFormatterAction } from "../define-formatter-action";
import { quoted, refuseField } from "../refuse-field";
import { formatChoices, READ_FORMATS, type ReadFormat } from "./date-formats";
import { dateOutput, sampleDateOutput } from "./date-output";
import { readDateTime } from "./read-date-time";
import { checkTimeZones, timeZoneField } from "./time-zone-field";

const EPOCH = /^-?\d{1,16}(\.\d{1,6})?$/;

const fields = {
  text: field.text({ label: "Date to read", required: true, maxLength: 100 }),
  format: field.select({
    label: "Written as",
    required: true,
    default: "iso",
    options: { static: formatChoices(READ_FORMATS) },
  }),
  timeZone: timeZoneField(
    "Time zone",
    "Where a date or time written without an offset happened, e.g. Pacific/Auckland; the result is given in it too.",
  ),
};

function read(text: string, format: ReadFormat, zone: string): DateTime | undefined {
  if (format === "iso") return readDateTime(text, zone);
  if (format === "epochSeconds" || format === "epochMilliseconds") {
    if (!EPOCH.test(text)) return undefined;
    const moment = DateTime.fromMillis(Number(text) * (format === "epochSeconds" ? 1000 : 1), { zone });
    return moment.isValid ? moment : undefined;
  }
  // Month names are read in English, as Luxon knows them ("Jan", "January").
  for (const pattern of READ_FORMATS[format].patterns) {
    const moment = DateTime.fromFormat(text, pattern, { zone, setZone: true, locale: "en-US" });
    if (moment.isValid) return moment.setZone(zone);
  }
  return undefined;
}

export const parseDate = defineFormatterAction({
  key: "formatter.parseDate",
  group: "Format dates",
  title: "Read a date",
  description:
    'Reads a date written as 31/01/2026, "January 31, 2026", ISO 8601 or Unix time, for Xero\'s date fields.',
  fields,
  check: (input) => checkTimeZones(input, ["timeZone"]),
  outputSample: sampleDateOutput,
  transform: ({ text, format, timeZone }) => {
    const moment = read(text, format, timeZone);
    if (!moment)
      throw refuseField(fields, "text", `${quoted(text)} is not a date written as ${READ_FORMATS[format].label}`);
    return dateOutput(moment);
  },
});
