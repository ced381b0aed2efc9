import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Saved } from "./batch-write";
import { guidInput, optionalText } from "./input-fields";
import type { ContactRecord, OrganisationBooks } from "./ledger-types";
import { stampUpdate } from "./stamp-update";
import { XeroNotFoundError, XeroValidationError } from "./xero-errors";

const addressSchema = z.object({
  AddressType: z.enum(["POBOX", "STREET"]),
  AddressLine1: optionalText(500),
  AddressLine2: optionalText(500),
  City: optionalText(255),
  Region: optionalText(255),
  PostalCode: optionalText(50),
  Country: optionalText(50),
  AttentionTo: optionalText(255),
});

const phoneSchema = z.object({
  PhoneType: z.enum(["DEFAULT", "DDI", "MOBILE", "FAX", "OFFICE"]),
  PhoneNumber: optionalText(50),
  PhoneAreaCode: optionalText(10),
  PhoneCountryCode: optionalText(20),
});

/** The Contact fields the sandbox accepts on PUT/POST; anything else is ignored, as Xero ignores read-only fields. */
export const contactInputSchema = z.object({
  ContactID: guidInput.optional(),
  Name: optionalText(),
  ContactNumber: optionalText(50),
  AccountNumber: optionalText(50),
  ContactStatus: z.enum(["ACTIVE", "ARCHIVED"]).optional(),
  FirstName: optionalText(255),
  LastName: optionalText(255),
  CompanyNumber: optionalText(50),
  EmailAddress: optionalText(255),
  BankAccountDetails: optionalText(),
  TaxNumber: optionalText(50),
  DefaultCurrency: optionalText(),
  Addresses: z.array(addressSchema).optional(),
  Phones: z.array(phoneSchema).optional(),
});

export type ContactInput = z.infer<typeof contactInputSchema>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function validate(books: OrganisationBooks, contact: ContactRecord): void {
  const messages: string[] = [];
  if (!contact.Name.trim()) messages.push("Contact Name cannot be empty.");
  if (contact.Name.length > 255) messages.push("Contact Name must be 255 characters or less.");
  else if (
    contact.ContactStatus === "ACTIVE" &&
    books.contacts.some(
      (other) =>
        other.ContactID !== contact.ContactID && other.ContactStatus === "ACTIVE" && sameName(other.Name, contact.Name),
    )
  ) {
    messages.push(
      `The contact name ${contact.Name} is already assigned to another contact. The contact name must be unique across all active contacts.`,
    );
  }
  if (contact.EmailAddress && !EMAIL.test(contact.EmailAddress)) messages.push("Email address must be valid.");
  if (contact.DefaultCurrency && !books.currencies.some((currency) => currency.Code === contact.DefaultCurrency)) {
    messages.push(`The currency code '${contact.DefaultCurrency}' is not valid for this organisation.`);
  }
  if (messages.length) throw new XeroValidationError(messages);
}

function applyInput(target: ContactRecord, input: ContactInput): ContactRecord {
  const { ContactID: _id, ...fields } = input;
  const next: ContactRecord = { ...target };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  return next;
}

/** Creates a contact (PUT /Contacts, or a new name on POST / on an invoice). */
export function createContact(books: OrganisationBooks, input: ContactInput, now = new Date()): Saved<ContactRecord> {
  const contact = applyInput(
    {
      ContactID: randomUUID(),
      ContactStatus: "ACTIVE",
      Name: "",
      Addresses: [{ AddressType: "POBOX" }, { AddressType: "STREET" }],
      Phones: [{ PhoneType: "DEFAULT" }, { PhoneType: "MOBILE" }],
      IsSupplier: false,
      IsCustomer: false,
      HasAttachments: false,
      UpdatedDateUTC: stampUpdate(books, now),
    },
    input,
  );
  validate(books, contact);
  books.contacts.push(contact);
  return { record: contact, changes: [{ resource: "CONTACT", resourceId: contact.ContactID, eventType: "CREATE" }] };
}

/** Updates the contact with `contactId` (POST /Contacts/{ContactID}). */
export function updateContact(
  books: OrganisationBooks,
  contactId: string,
  input: ContactInput,
  now = new Date(),
): Saved<ContactRecord> {
  const index = books.contacts.findIndex((contact) => contact.ContactID === contactId.toLowerCase());
  if (index < 0) throw new XeroNotFoundError();
  const contact = applyInput(books.contacts[index]!, input);
  contact.UpdatedDateUTC = stampUpdate(books, now);
  validate(books, contact);
  books.contacts[index] = contact;
  return { record: contact, changes: [{ resource: "CONTACT", resourceId: contact.ContactID, eventType: "UPDATE" }] };
}

/** POST /Contacts: updates the contact named by ContactID, else the one with the same Name, else creates one. */
export function upsertContact(books: OrganisationBooks, input: ContactInput, now = new Date()): Saved<ContactRecord> {
  if (input.ContactID) {
    if (!books.contacts.some((contact) => contact.ContactID === input.ContactID)) {
      throw new XeroValidationError([`The contact with ContactID ${input.ContactID} could not be found.`]);
    }
    return updateContact(books, input.ContactID, input, now);
  }
  const byName = input.Name ? books.contacts.find((contact) => sameName(contact.Name, input.Name!)) : undefined;
  return byName ? updateContact(books, byName.ContactID, input, now) : createContact(books, input, now);
}

/** A contact that an invoice names: by ContactID, else by Name (created when new, as Xero does). */
export function resolveInvoiceContact(
  books: OrganisationBooks,
  reference: { ContactID?: string; Name?: string; ContactNumber?: string } | undefined,
  now: Date,
): Saved<ContactRecord> {
  if (reference?.ContactID) {
    const byId = books.contacts.find((contact) => contact.ContactID === reference.ContactID);
    if (!byId) throw new XeroValidationError([`The contact with ContactID ${reference.ContactID} could not be found.`]);
    return { record: byId, changes: [] };
  }
  if (reference?.ContactNumber) {
    const byNumber = books.contacts.find((contact) => contact.ContactNumber === reference.ContactNumber);
    if (byNumber) return { record: byNumber, changes: [] };
  }
  if (reference?.Name?.trim()) {
    const byName = books.contacts.find(
      (contact) => contact.ContactStatus === "ACTIVE" && sameName(contact.Name, reference.Name!),
    );
    return byName ? { record: byName, changes: [] } : createContact(books, { Name: reference.Name }, now);
  }
  throw new XeroValidationError(["A Contact must be specified for this type of transaction"]);
}
