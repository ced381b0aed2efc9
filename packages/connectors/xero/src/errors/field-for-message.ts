import type { FieldSpec } from "@ledgerflow/engine";

/** "AccountCode" → "account code", "TrackingOption1" → "tracking option": how Xero's prose names a field. */
function spokenName(fieldName: string): string {
  return fieldName
    .replace(/\d+$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
}

interface Candidate {
  path: string;
  names: string[];
}

/**
 * The words Xero may use for a field: "account code" and "accountcode" for `AccountCode`; a
 * reference by ID is also named by what it refers to ("A Contact must be specified…" for
 * `ContactID`), and a number by "#" ("Invoice # must be unique." for `InvoiceNumber`).
 */
function namesOf(fieldName: string): string[] {
  const spoken = spokenName(fieldName);
  const names = [spoken, fieldName.replace(/\d+$/, "").toLowerCase()];
  if (spoken.endsWith(" id")) names.push(spoken.slice(0, -" id".length));
  if (spoken.endsWith(" number")) names.push(`${spoken.slice(0, -" number".length)} #`);
  return names;
}

function candidatesOf(fields: FieldSpec[], prefix = ""): Candidate[] {
  return fields.flatMap((field) => [
    { path: `${prefix}${field.name}`, names: namesOf(field.name) },
    ...candidatesOf(field.itemFields ?? [], `${prefix}${field.name}.`),
  ]);
}

/** Where a name first appears in the text as whole words, or -1. */
function positionOf(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.search(new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`));
}

/**
 * The step fields a Xero validation message is about, when the message names one of the step's
 * fields ("Email address must be valid." → `EmailAddress`; a line's "Account code '9' is not a
 * valid code" → `LineItems.AccountCode`). Xero names the subject first ("The Tracking Option 'X'
 * does not exist for Tracking Category 'Y'"), so the earliest mention wins, then the longest;
 * fields Xero names alike (`TrackingOption1`, `TrackingOption2`) are all returned, in order.
 */
export function fieldsForMessage(message: string, fields: FieldSpec[]): string[] {
  const text = message.toLowerCase();
  const mentioned = candidatesOf(fields).flatMap((candidate) => {
    const found = candidate.names
      .map((name) => ({ position: positionOf(text, name), length: name.length }))
      .filter((match) => match.position >= 0)
      .sort((a, b) => a.position - b.position || b.length - a.length);
    return found[0] ? [{ path: candidate.path, ...found[0] }] : [];
  });
  // Earliest first, then longest: "Contact Name cannot be empty" is about the name, not the contact.
  mentioned.sort((a, b) => a.position - b.position || b.length - a.length);
  const [best] = mentioned;
  if (!best) return [];
  return mentioned
    .filter((candidate) => candidate.position === best.position && candidate.length === best.length)
    .map((candidate) => candidate.path);
}
