// Turns one resolved value into what a field of a given type expects, the way a bookkeeper means it:
// webhook payloads carry numbers as text ("12.50"), flags as "true", and timestamps where a date is
// wanted. Anything that cannot be read unambiguously is refused with a reason, never guessed.
import type { FieldSpec, SelectOption } from "./action-definition";
import { readConditions } from "./conditions/conditions-field";
import { clonePlainData, isPlainObject } from "./plain-data";

export type Coerced = { ok: true; value: unknown } | { ok: false; reason: string };

/** Plain decimal notation only: "1,234.50" could mean two things depending on the country. */
const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;
/**
 * The Microsoft JSON date, `/Date(1718064000000+0000)/`: milliseconds since 1970 and an offset, as
 * .NET services send dates (Xero among them), so one service's dates map into another's fields.
 */
const MS_JSON_DATE_PATTERN = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const TRUE_WORDS = new Set(["true", "yes", "1"]);
const FALSE_WORDS = new Set(["false", "no", "0"]);

export function coerceFieldValue(value: unknown, field: FieldSpec): Coerced {
  switch (field.type) {
    case "string":
    case "text":
      return withinLength(field.verbatim ? coerceVerbatim(value) : coerceText(value), field.maxLength);
    case "number":
      return positiveWhenAsked(coerceNumber(value), field.positive === true);
    case "boolean":
      return coerceBoolean(value);
    case "date":
      return coerceDate(value);
    case "select":
      return coerceSelect(value, field.options && "static" in field.options ? field.options.static : undefined);
    case "list":
      // Items are checked one by one by the caller; a single record is a list of one.
      if (Array.isArray(value)) return { ok: true, value };
      if (isPlainObject(value)) return { ok: true, value: [value] };
      return { ok: false, reason: `must be a list, but got ${valueForMessage(value)}` };
    case "conditions":
      return readConditions(value);
  }
}

/**
 * Text loses the blanks around it — a mapped "Bread\n" is "Bread" — but keeps the line breaks and
 * spacing inside, which a long description may mean.
 */
function coerceText(value: unknown): Coerced {
  if (typeof value === "string") return { ok: true, value: value.trim() };
  if (typeof value === "number" || typeof value === "boolean") return { ok: true, value: String(value) };
  return { ok: false, reason: `must be text, but got ${valueForMessage(value)}` };
}

/** As given: a formatter's separator may be a blank, and "1.234" may be a number already. */
function coerceVerbatim(value: unknown): Coerced {
  if (typeof value === "string" || typeof value === "number") return { ok: true, value };
  return coerceText(value);
}

function withinLength(coerced: Coerced, maxLength: number | undefined): Coerced {
  if (!coerced.ok || maxLength === undefined) return coerced;
  const length = [...String(coerced.value)].length;
  if (length <= maxLength) return coerced;
  return { ok: false, reason: `must be at most ${maxLength} characters, but has ${length}` };
}

function coerceNumber(value: unknown): Coerced {
  if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value };
  // "1e400" has a number's shape but no finite value: refused, not carried on as Infinity.
  const parsed = typeof value === "string" && NUMBER_PATTERN.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (Number.isFinite(parsed)) return { ok: true, value: parsed };
  return { ok: false, reason: `must be a number like 12.50, but got ${valueForMessage(value)}` };
}

function positiveWhenAsked(coerced: Coerced, positive: boolean): Coerced {
  if (!coerced.ok || !positive || (coerced.value as number) > 0) return coerced;
  return { ok: false, reason: `must be more than zero, but got ${valueForMessage(coerced.value)}` };
}

function coerceBoolean(value: unknown): Coerced {
  if (typeof value === "boolean") return { ok: true, value };
  const word = typeof value === "string" || typeof value === "number" ? String(value).trim().toLowerCase() : undefined;
  if (word !== undefined && TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (word !== undefined && FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false, reason: `must be yes or no (true or false), but got ${valueForMessage(value)}` };
}

/**
 * Dates become `YYYY-MM-DD`. A date-time keeps the calendar date as written (its own offset), not
 * the UTC date: an order placed late on the 31st in Auckland belongs to the 31st.
 */
function coerceDate(value: unknown): Coerced {
  const invalid: Coerced = { ok: false, reason: `must be a date like 2026-01-31, but got ${valueForMessage(value)}` };
  if (typeof value !== "string") return invalid;
  const text = value.trim();
  const msJsonDate = MS_JSON_DATE_PATTERN.exec(text);
  if (msJsonDate) return { ok: true, value: new Date(Number(msJsonDate[1])).toISOString().slice(0, 10) };
  const dateTime = DATE_TIME_PATTERN.exec(text);
  if (dateTime && Number.isNaN(Date.parse(text.replace(" ", "T")))) return invalid;
  const date = dateTime ? dateTime[1]! : text;
  return isCalendarDate(date) ? { ok: true, value: date } : invalid;
}

function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A static option by value, else by value or label ignoring letter case ("authorised" → AUTHORISED). */
function coerceSelect(value: unknown, options: SelectOption[] | undefined): Coerced {
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    return { ok: false, reason: `must be one choice, but got ${valueForMessage(value)}` };
  }
  const text = String(value).trim();
  // Options loaded from the connection (accounts, tax rates) are checked by the connector itself.
  if (!options) return { ok: true, value: text };
  const exact = options.find((option) => option.value === text);
  const folded = text.toLowerCase();
  const loose = options.find(
    (option) => option.value.toLowerCase() === folded || option.label.toLowerCase() === folded,
  );
  const match = exact ?? loose;
  if (match) return { ok: true, value: match.value };
  const choices = options.map((option) => option.label).join(", ");
  return { ok: false, reason: `must be one of: ${choices}, but got ${valueForMessage(value)}` };
}

/** Nothing given: absent, null, or text of blanks only (only "" for a verbatim field, whose blanks count). */
export function isEmptyFieldValue(value: unknown, field: FieldSpec): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== "string") return false;
  return field.verbatim ? value === "" : value.trim() === "";
}

/** How a wrong value is shown in a message: short, and never a whole payload. */
export function valueForMessage(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a group of values";
  const text = JSON.stringify(clonePlainData(value)) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…"` : text;
}
