// Reading Xero's error bodies: the Accounting API's ValidationException
// (`{ ErrorNumber, Type, Message, Elements: [{ ...echo, ValidationErrors: [{ Message }] }] }`),
// the identity/gateway problem JSON (`{ Title, Status, Detail }`) and plain text.

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === "object" && value !== null;

function validationMessagesOf(record: Loose): string[] {
  const errors = record.ValidationErrors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((error) => (isObject(error) && typeof error.Message === "string" ? [error.Message] : []));
}

/** One of Xero's validation messages, and the line item (0-based) it was attached to, if Xero said. */
export interface ValidationEntry {
  message: string;
  line?: number;
}

/**
 * Every `ValidationErrors[].Message` Xero attached to the submitted elements and, where Xero
 * reports line-level problems, to their line items (with the line's index). A message Xero gives
 * both on the element and on a line is kept once, with its line.
 */
export function validationEntries(body: unknown): ValidationEntry[] {
  if (!isObject(body)) return [];
  const elements = Array.isArray(body.Elements) ? body.Elements.filter(isObject) : [];
  const entries = elements.flatMap((element): ValidationEntry[] => {
    const lines = Array.isArray(element.LineItems) ? element.LineItems : [];
    const lineEntries = lines.flatMap((line, index) =>
      isObject(line) ? validationMessagesOf(line).map((message) => ({ message, line: index })) : [],
    );
    const onLines = new Set(lineEntries.map((entry) => entry.message));
    const elementEntries = validationMessagesOf(element)
      .filter((message) => !onLines.has(message))
      .map((message) => ({ message }));
    return [...elementEntries, ...lineEntries];
  });
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.line ?? ""}:${entry.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every validation message, verbatim and without duplicates (a message on two lines is one). */
export function validationMessages(body: unknown): string[] {
  return [...new Set(validationEntries(body).map((entry) => entry.message))];
}

/** Xero's own one-line explanation, when the body carries one. */
export function errorSummary(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim() || undefined;
  if (!isObject(body)) return undefined;
  for (const key of ["Detail", "Message", "Title", "message", "error"] as const) {
    const value = body[key];
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return undefined;
}
