import type { AccountingRoute } from "./accounting-route";
import { batchWriteRoutes, failedElement, writeRoute } from "./batch-write-routes";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import type { ContactRecord } from "./ledger-types";
import { answerList, type ListQuery } from "./list-query";
import { contactInputSchema, createContact, updateContact, upsertContact } from "./save-contact";
import { XeroNotFoundError } from "./xero-errors";

const CONTACT_FIELDS = [
  "ContactID",
  "ContactNumber",
  "AccountNumber",
  "ContactStatus",
  "Name",
  "FirstName",
  "LastName",
  "EmailAddress",
  "TaxNumber",
  "IsSupplier",
  "IsCustomer",
  "DefaultCurrency",
  "UpdatedDateUTC",
];

const failedContact = failedElement("HasValidationErrors");

/** Archived contacts only with `includeArchived`; `searchTerm` matches names, number and email. */
function narrowContacts(all: readonly ContactRecord[], query: ListQuery): readonly ContactRecord[] {
  const contacts = query.includeArchived ? all : all.filter((contact) => contact.ContactStatus === "ACTIVE");
  const term = query.searchTerm?.trim().toLowerCase();
  if (!term) return contacts;
  return contacts.filter((contact) =>
    [contact.Name, contact.FirstName, contact.LastName, contact.ContactNumber, contact.EmailAddress].some((value) =>
      value?.toLowerCase().includes(term),
    ),
  );
}

export const contactsRoutes: AccountingRoute[] = [
  {
    method: "GET",
    url: "/Contacts",
    scopes: ENDPOINT_SCOPES.contactsRead,
    handle: (call) =>
      answerList(call, call.books.contacts, {
        key: "Contacts",
        typeName: "Contact",
        fields: CONTACT_FIELDS,
        idField: "ContactID",
        paged: true,
        narrow: narrowContacts,
      }),
  },
  {
    method: "GET",
    url: "/Contacts/:ContactID",
    scopes: ENDPOINT_SCOPES.contactsRead,
    handle: ({ books, params }) => {
      const key = params.ContactID!;
      const contact =
        books.contacts.find((candidate) => candidate.ContactID === key.toLowerCase()) ??
        books.contacts.find((candidate) => candidate.ContactNumber === key);
      if (!contact) throw new XeroNotFoundError();
      return { status: 200, body: { Contacts: [contact] } };
    },
  },
  ...batchWriteRoutes({
    url: "/Contacts",
    scopes: ENDPOINT_SCOPES.contactsWrite,
    schema: contactInputSchema,
    failed: failedContact,
    create: (books, input) => createContact(books, input),
    upsert: (books, input) => upsertContact(books, input),
  }),
  writeRoute({
    method: "POST",
    url: "/Contacts/:ContactID",
    scopes: ENDPOINT_SCOPES.contactsWrite,
    key: "Contacts",
    elements: "first",
    schema: contactInputSchema,
    failed: failedContact,
    save: (books, input, { params }) => updateContact(books, params.ContactID!, input),
  }),
];
