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

/**
 * Every `ValidationErrors[].Message` Xero attached to the submitted elements (and their line items,
 * where Xero reports line-level problems), verbatim and without duplicates.
 */
export function validationMessages(body: unknown): string[] {
  if (!isObject(body)) return [];
  const elements = Array.isArray(body.Elements) ? body.Elements : [];
  const messages = elements.filter(isObject).flatMap((element) => {
    const lines = Array.isArray(element.LineItems) ? element.LineItems.filter(isObject) : [];
    return [...validationMessagesOf(element), ...lines.flatMap(validationMessagesOf)];
  });
  return [...new Set(messages)];
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
