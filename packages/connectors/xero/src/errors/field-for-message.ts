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

function candidatesOf(fields: FieldSpec[], prefix = ""): Candidate[] {
  return fields.flatMap((field) => [
    { path: `${prefix}${field.name}`, names: [spokenName(field.name), field.name.replace(/\d+$/, "").toLowerCase()] },
    ...candidatesOf(field.itemFields ?? [], `${prefix}${field.name}.`),
  ]);
}

/** Where a name first appears in the text as whole words, or -1. */
function positionOf(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.search(new RegExp(`\\b${escaped}\\b`));
}

/**
 * The step field a Xero validation message is about, when the message names one of the step's
 * fields ("Email address must be valid." → `EmailAddress`; a line's "Account code '9' is not a
 * valid code" → `LineItems.AccountCode`). Xero names the subject first ("The Tracking Option 'X'
 * does not exist for Tracking Category 'Y'"), so the earliest mention wins, then the longest.
 */
export function fieldForMessage(message: string, fields: FieldSpec[]): string | undefined {
  const text = message.toLowerCase();
  const mentioned = candidatesOf(fields)
    .map((candidate) => {
      const positions = candidate.names.map((name) => positionOf(text, name)).filter((position) => position >= 0);
      return {
        ...candidate,
        position: Math.min(...positions),
        length: Math.max(...candidate.names.map((n) => n.length)),
      };
    })
    .filter((candidate) => Number.isFinite(candidate.position));
  mentioned.sort((a, b) => a.position - b.position || b.length - a.length);
  return mentioned[0]?.path;
}
