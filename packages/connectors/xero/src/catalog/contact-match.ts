import type { FieldSpec } from "@ledgerflow/engine";
import { z } from "zod";
import { callXero } from "../call-xero";
import type { XeroClientContext } from "../xero-client-context";
import { recordsOf, withoutNoise, type XeroRecord } from "../xero-records";
import { optionalText } from "./step-input";
import { whereLiteral } from "./xero-where";

export const CONTACT_MATCH_KEYS = ["Name", "AccountNumber", "EmailAddress"] as const;
export type ContactMatchKey = (typeof CONTACT_MATCH_KEYS)[number];

const MATCH_LABELS: Record<ContactMatchKey, string> = {
  Name: "Contact name",
  AccountNumber: "Account number",
  EmailAddress: "Email",
};

export const matchByField: FieldSpec = {
  name: "matchBy",
  label: "Find the contact by",
  type: "select",
  required: true,
  default: "Name",
  help: "Which detail identifies the contact. The match is exact (letter case aside); archived contacts are ignored.",
  options: { static: CONTACT_MATCH_KEYS.map((key) => ({ value: key, label: MATCH_LABELS[key] })) },
};

export const contactNameField: FieldSpec = {
  name: "Name",
  label: "Contact name",
  type: "string",
  help: "The contact's full name as it appears in Xero, e.g. the customer's business name.",
  requiredWhen: { field: "matchBy", equals: "Name" },
};

const accountNumberField: FieldSpec = {
  name: "AccountNumber",
  label: "Account number",
  type: "string",
  help: "Your own reference for the contact, as entered in Xero.",
  requiredWhen: { field: "matchBy", equals: "AccountNumber" },
};

const emailAddressField: FieldSpec = {
  name: "EmailAddress",
  label: "Email",
  type: "string",
  help: "The contact's email address in Xero.",
  requiredWhen: { field: "matchBy", equals: "EmailAddress" },
};

/** The "match by" dropdown and the three values it can match on, each required when chosen. */
export const contactMatchFields: FieldSpec[] = [matchByField, contactNameField, accountNumberField, emailAddressField];

export const contactMatchSchema = z
  .object({
    matchBy: z.enum(CONTACT_MATCH_KEYS).default("Name"),
    Name: optionalText,
    AccountNumber: optionalText,
    EmailAddress: optionalText,
  })
  .superRefine((input, ctx) => {
    if (!input[input.matchBy]) {
      ctx.addIssue({ code: "custom", path: [input.matchBy], message: `is required to find the contact by it` });
    }
  });

export type ContactMatch = z.output<typeof contactMatchSchema>;

/** The first active contact whose chosen detail equals the value, or undefined. */
export async function findContactBy(
  client: XeroClientContext,
  match: ContactMatch,
  signal: AbortSignal,
): Promise<XeroRecord | undefined> {
  const value = match[match.matchBy] as string;
  const body = await callXero(
    client,
    (accounting) =>
      accounting.getContacts(client.tenantId, undefined, `${match.matchBy}==${whereLiteral(value)}`, "Name ASC"),
    { operation: "find the contact", signal, fields: contactMatchFields },
  );
  const [contact] = recordsOf(body, "Contacts");
  return contact ? withoutNoise(contact) : undefined;
}

export function describeMatch(match: ContactMatch): string {
  return `${MATCH_LABELS[match.matchBy].toLowerCase()} "${match[match.matchBy]}"`;
}
