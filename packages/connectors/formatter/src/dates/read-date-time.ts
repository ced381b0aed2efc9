// The date and time values date steps take: what "Read a date" gives (ISO 8601), other ISO
// values ("2026-01-31", "2026-01-31T14:30:00+13:00", "2026-01-31 14:30"), and Xero's own
// "/Date(1769823000000+0000)/". A value with an offset is the moment it names; one without is
// a wall-clock time in the step's zone. The result is in the step's zone.
import { type Fields, field } from "@ledgerflow/engine";
import { DateTime } from "luxon";
import { quoted, refuseField } from "../refuse-field";

const MS_JSON_DATE = /^\/Date\((-?\d{1,15})([+-]\d{4})?\)\/$/;

export function readDateTime(text: string, zone: string): DateTime | undefined {
  const msJson = MS_JSON_DATE.exec(text);
  if (msJson) return DateTime.fromMillis(Number(msJson[1]), { zone });
  const options = { zone, setZone: true };
  const iso = DateTime.fromISO(text, options);
  const read = iso.isValid ? iso : DateTime.fromSQL(text, options);
  return read.isValid ? read.setZone(zone) : undefined;
}

export function dateTimeField(label: string) {
  return field.text({
    label,
    help: "A date or date and time such as 2026-01-31 or 2026-01-31T14:30:00+13:00 (what Read a date gives).",
    required: true,
    maxLength: 100,
  });
}

/** The value of a date field, or the step's refusal naming it. */
export function dateTimeOf<F extends Fields>(fields: F, name: keyof F & string, text: string, zone: string): DateTime {
  const read = readDateTime(text, zone);
  if (read) return read;
  throw refuseField(fields, name, `${quoted(text)} is not a date like 2026-01-31 or 2026-01-31T14:30:00+13:00`);
}
