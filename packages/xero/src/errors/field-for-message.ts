import type { FieldSpec } from "@ledgerflow/engine";

/** "AccountCode" → "account code", so it can be found in Xero's prose ("Account code '9' is not valid"). */
function spokenName(fieldName: string): string {
  return fieldName
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
}

function candidatesOf(fields: FieldSpec[], prefix = ""): { path: string; spoken: string; raw: string }[] {
  return fields.flatMap((field) => [
    { path: `${prefix}${field.name}`, spoken: spokenName(field.name), raw: field.name.toLowerCase() },
    ...candidatesOf(field.itemFields ?? [], `${prefix}${field.name}.`),
  ]);
}

/**
 * The step field a Xero validation message is about, when the message names one of the step's
 * fields ("Email address must be valid." → `EmailAddress`; a line's "Account code …" →
 * `LineItems.AccountCode`). The longest name mentioned wins, so "Invoice number" beats "Invoice".
 */
export function fieldForMessage(message: string, fields: FieldSpec[]): string | undefined {
  const text = message.toLowerCase();
  const mentioned = candidatesOf(fields).filter(
    (candidate) => text.includes(candidate.spoken) || text.includes(candidate.raw),
  );
  mentioned.sort((a, b) => b.spoken.length - a.spoken.length);
  return mentioned[0]?.path;
}
