import { field } from "@ledgerflow/engine";

const UNITS = [
  { value: "minutes", label: "Minutes" },
  { value: "hours", label: "Hours" },
  { value: "days", label: "Days" },
  { value: "weeks", label: "Weeks" },
  { value: "months", label: "Months" },
  { value: "years", label: "Years" },
] as const;

/**
 * Days, weeks, months and years are calendar units in the step's zone: a day across a clock change
 * is 23 or 25 hours, a month from 31 January ends on the last day of February.
 */
export const dateUnitField = (label: string) =>
  field.select({ label, required: true, default: "days", options: { static: UNITS } });
