import { type FieldSpec, formatFieldPath } from "@ledgerflow/engine";
import { fieldsForMessage } from "./field-for-message";
import type { ValidationEntry } from "./xero-error-body";

/** One of Xero's validation messages on the step field it concerns, in the engine's path form (`LineItems[1].TaxType`). */
export interface FieldProblem {
  field?: string;
  message: string;
}

/** The values Xero quotes in a message: "Account code '999' is not a valid code" → `["999"]`. */
function quotedValues(message: string): string[] {
  return [...message.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? "");
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === "object" && value !== null;

/**
 * Which lines a message about a line's field concerns. Xero reports most line problems on the
 * document, not the line, but quotes the value it refused ("Account code '999'…"): the lines whose
 * field holds that value are the ones, and among fields Xero names alike (tracking option 1 and 2)
 * the one holding it. A line Xero named itself is kept; else, without a quoted match, no line.
 */
function lineProblems(entry: ValidationEntry, paths: string[], input: Loose | undefined): FieldProblem[] {
  const [first = ""] = paths;
  const list = first.slice(0, first.indexOf("."));
  const items = paths.map((path) => path.slice(list.length + 1));
  const rows = Array.isArray(input?.[list]) ? (input[list] as unknown[]) : [];
  const quoted = quotedValues(entry.message);
  const located = rows.flatMap((row, line) => {
    if (!isObject(row) || (entry.line !== undefined && line !== entry.line)) return [];
    const item = items.find((name) => row[name] !== undefined && quoted.includes(String(row[name])));
    return item ? [{ field: formatFieldPath([list, line, item]), message: entry.message }] : [];
  });
  if (located.length > 0) return located;
  const field = entry.line !== undefined ? formatFieldPath([list, entry.line, items[0] ?? ""]) : first;
  return [{ field, message: entry.message }];
}

/**
 * Xero's validation messages, each on the field (and line) it concerns when the message names one
 * of the step's fields; `input` is the step's input as sent, to find the line a message quotes.
 */
export function validationProblems(
  entries: ValidationEntry[],
  fields: FieldSpec[],
  input?: Record<string, unknown>,
): FieldProblem[] {
  return entries.flatMap((entry) => {
    const paths = fieldsForMessage(entry.message, fields);
    const [first] = paths;
    if (!first) return [{ message: entry.message }];
    if (!first.includes(".")) return [{ field: first, message: entry.message }];
    return lineProblems(entry, paths, input);
  });
}
