import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { localeField } from "../locale-field";
import { formatChoices, WRITE_FORMATS } from "./date-formats";
import { dateTimeField, dateTimeOf } from "./read-date-time";
import { checkTimeZones, timeZoneField } from "./time-zone-field";

const fields = {
  date: dateTimeField("Date"),
  format: field.select({
    label: "Write as",
    required: true,
    default: "dayMonthYear",
    options: { static: formatChoices(WRITE_FORMATS) },
  }),
  pattern: field.text({
    label: "Pattern",
    help: "Luxon's tokens: yyyy year, MM month, MMMM its name, dd day, EEEE weekday, HH:mm time; other text in 'single quotes'.",
    placeholder: "d MMMM yyyy 'at' HH:mm",
    maxLength: 100,
    verbatim: true,
    requiredWhen: { field: "format", equals: "pattern" },
  }),
  timeZone: timeZoneField(),
  locale: localeField("Month and day names in", (locale) =>
    new Intl.DateTimeFormat(locale, { day: "numeric", month: "long" }).format(new Date(Date.UTC(2026, 0, 31))),
  ),
};

export const formatDate = defineFormatterAction({
  key: "formatter.formatDate",
  group: "Format dates",
  title: "Format a date",
  description:
    'Writes a date the way people or another system expect it: 31/01/2026, "31 January 2026", Unix time, or your own pattern.',
  fields,
  check: (input) => checkTimeZones(input, ["timeZone"]),
  outputSample: { value: "31/01/2026" },
  transform: ({ date, format, pattern, timeZone, locale }) => {
    const moment = dateTimeOf(fields, "date", date, timeZone).setLocale(locale);
    if (format === "iso") return { value: moment.toISO({ suppressMilliseconds: true }) ?? "" };
    if (format === "epochSeconds") return { value: String(Math.floor(moment.toSeconds())) };
    if (format === "epochMilliseconds") return { value: String(moment.toMillis()) };
    const tokens = format === "pattern" ? String(pattern) : WRITE_FORMATS[format].pattern;
    return { value: moment.toFormat(tokens) };
  },
});
