import { field, fieldSpecs, type InputOf } from "@ledgerflow/engine";
import { callXero } from "../call-xero";
import type { XeroClientContext } from "../xero-client-context";
import { recordsOf, withoutNoise, type XeroRecord } from "../xero-records";
import { whereLiteral } from "./xero-where";

export const CONTACT_MATCH_KEYS = ["Name", "AccountNumber", "EmailAddress"] as const;
export type ContactMatchKey = (typeof CONTACT_MATCH_KEYS)[number];

const MATCH_LABELS: Record<ContactMatchKey, string> = {
  Name: "Contact name",
  AccountNumber: "Account number",
  EmailAddress: "Email",
};

/** The "match by" dropdown and the three values it can match on, each required when chosen. */
export const contactMatchFields = {
  matchBy: field.select({
    label: "Find the contact by",
    required: true,
    default: "Name",
    help: "Which detail identifies the contact. The match is exact (letter case aside); archived contacts are ignored.",
    options: { static: CONTACT_MATCH_KEYS.map((key) => ({ value: key, label: MATCH_LABELS[key] })) },
  }),
  Name: field.text({
    label: "Contact name",
    help: "The contact's full name as it appears in Xero, e.g. the customer's business name.",
    requiredWhen: { field: "matchBy", equals: "Name" },
  }),
  AccountNumber: field.text({
    label: "Account number",
    help: "Your own reference for the contact, as entered in Xero.",
    requiredWhen: { field: "matchBy", equals: "AccountNumber" },
  }),
  EmailAddress: field.text({
    label: "Email",
    help: "The contact's email address in Xero.",
    requiredWhen: { field: "matchBy", equals: "EmailAddress" },
  }),
};

const matchSpecs = fieldSpecs(contactMatchFields);

export type ContactMatch = InputOf<typeof contactMatchFields>;

/** The first active contact whose chosen detail equals the value, or undefined. */
export async function findContactBy(
  client: XeroClientContext,
  match: ContactMatch,
  signal: AbortSignal,
): Promise<XeroRecord | undefined> {
  // Never empty: the engine refuses the step first, as the chosen field is required when chosen.
  const value = match[match.matchBy] as string;
  const body = await callXero(
    client,
    (accounting) =>
      accounting.getContacts(client.tenantId, undefined, `${match.matchBy}==${whereLiteral(value)}`, "Name ASC"),
    { operation: "find the contact", signal, fields: matchSpecs },
  );
  const [contact] = recordsOf(body, "Contacts");
  return contact ? withoutNoise(contact) : undefined;
}

export function describeMatch(match: ContactMatch): string {
  return `${MATCH_LABELS[match.matchBy].toLowerCase()} "${match[match.matchBy]}"`;
}
