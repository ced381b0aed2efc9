import { XeroValidationError } from "./xero-errors";

/** Xero's wire format for dates and timestamps: `/Date(1550793549320+0000)/`. */
export function toMsDate(date: Date): string {
  return `/Date(${date.getTime()}+0000)/`;
}

/** Today's date (UTC) at midnight, as Xero stores document dates. */
export function todayMsDate(now = new Date()): string {
  return toMsDate(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())));
}

const MS_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/;

/**
 * Reads a document date as Xero accepts it (`YYYY-MM-DD`, an ISO date-time, or an MS date) and
 * returns it as a date-only MS date. `field` names the element in the error message.
 */
export function parseDocumentDate(value: unknown, field: string): string {
  if (typeof value === "string") {
    const ms = MS_DATE.exec(value);
    if (ms) return toMsDate(startOfUtcDay(new Date(Number(ms[1]))));
    const iso = ISO_DATE.exec(value);
    if (iso) {
      const date = new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
      if (date.getUTCMonth() === Number(iso[2]) - 1) return toMsDate(date);
    }
  }
  throw new XeroValidationError([`${field} must be a valid date.`]);
}

/** Milliseconds since the epoch of an MS date (for comparisons). */
export function msDateValue(value: string): number {
  const match = MS_DATE.exec(value);
  return match ? Number(match[1]) : Number.NaN;
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * An optional document date from input: undefined when absent (or null, as generated clients send
 * it), the date otherwise; a bad one adds its message to `messages` so one answer lists them all.
 */
export function readOptionalDate(value: unknown, field: string, messages: string[]): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  try {
    return parseDocumentDate(value, field);
  } catch (error) {
    if (!(error instanceof XeroValidationError)) throw error;
    messages.push(...error.messages);
    return undefined;
  }
}

/** A date-only MS date as the `DateString` Xero sends beside it on quotes: `2019-10-24T00:00:00`. */
export function toDateString(msDate: string): string {
  return new Date(msDateValue(msDate)).toISOString().slice(0, 19);
}
