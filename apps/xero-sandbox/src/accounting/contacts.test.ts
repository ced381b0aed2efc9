import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountingApi, Contact } from "xero-node";
import { type AccountingTestSandbox, startAccountingTestSandbox } from "../testing/accounting-test-sandbox";
import { validationMessages, xeroCall } from "../testing/xero-call";

let sandbox: AccountingTestSandbox;
let xero: AccountingApi;
let tenant: string;

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  sandbox = await startAccountingTestSandbox();
  tenant = sandbox.nzTenantId;
  xero = await sandbox.accounting();
});
afterAll(() => sandbox.close());

async function createContact(fields: Record<string, unknown>) {
  const created = await xeroCall("createContacts", xero.createContacts(tenant, { contacts: [fields] }));
  expect(created.status).toBe(200);
  return (created.data as { Contacts: { ContactID: string; Name: string }[] }).Contacts[0]!;
}

describe("Contacts", () => {
  it("creates a contact with PUT and reads it back by id", async () => {
    const name = unique("Kowhai Cafe");
    const contact = await createContact({ name, emailAddress: "hello@kowhai.example", firstName: "Aroha" });
    expect(contact.Name).toBe(name);

    const read = await xeroCall("getContact", xero.getContact(tenant, contact.ContactID));
    expect(read.status).toBe(200);
    expect(read.body?.contacts?.[0]).toMatchObject({
      name,
      emailAddress: "hello@kowhai.example",
      contactStatus: "ACTIVE",
    });
  });

  it("refuses a second active contact with the same name, with Xero's message", async () => {
    const name = unique("Tui Traders");
    await createContact({ name });
    const duplicate = await xeroCall("createContacts", xero.createContacts(tenant, { contacts: [{ name }] }));
    expect(duplicate.status).toBe(400);
    expect(validationMessages(duplicate.data)).toEqual([
      `The contact name ${name} is already assigned to another contact. The contact name must be unique across all active contacts.`,
    ]);
  });

  it("with summarizeErrors=false saves the valid contacts and returns the invalid one with its errors", async () => {
    const taken = unique("Kea Supplies");
    await createContact({ name: taken });
    const fresh = unique("Pukeko Press");
    const mixed = await xeroCall(
      "createContacts",
      xero.createContacts(tenant, { contacts: [{ name: fresh }, { name: taken }] }, false),
    );
    expect(mixed.status).toBe(200);
    const [saved, failed] = (mixed.data as { Contacts: Record<string, unknown>[] }).Contacts;
    expect(saved).toMatchObject({ Name: fresh, ContactStatus: "ACTIVE" });
    expect(failed).toMatchObject({ Name: taken, HasValidationErrors: true });
    const listed = await xeroCall("getContacts", xero.getContacts(tenant, undefined, `Name=="${fresh}"`));
    expect((listed.data as { Contacts: unknown[] }).Contacts).toHaveLength(1);
  });

  it("refuses a contact without a name", async () => {
    const result = await xeroCall(
      "createContacts",
      xero.createContacts(tenant, { contacts: [{ emailAddress: "x@y.example" }] }),
    );
    expect(result.status).toBe(400);
    expect(validationMessages(result.data)).toEqual(["Contact Name cannot be empty."]);
  });

  it("POST updates the contact with the same name, else creates one", async () => {
    const name = unique("Harakeke Ltd");
    const original = await createContact({ name });
    const updated = await xeroCall(
      "updateOrCreateContacts",
      xero.updateOrCreateContacts(tenant, { contacts: [{ name, emailAddress: "accounts@harakeke.example" }] }),
    );
    expect(updated.status).toBe(200);
    expect(updated.body?.contacts?.[0]).toMatchObject({
      contactID: original.ContactID,
      emailAddress: "accounts@harakeke.example",
    });

    const other = unique("Rimu Works");
    const created = await xeroCall(
      "updateOrCreateContacts",
      xero.updateOrCreateContacts(tenant, { contacts: [{ name: other }] }),
    );
    expect(created.body?.contacts?.[0]?.contactID).not.toBe(original.ContactID);
  });

  it("POST /Contacts/{ContactID} updates that contact and archiving hides it from the default list", async () => {
    const name = unique("Totara Trust");
    const contact = await createContact({ name });
    const archived = await xeroCall(
      "updateContact",
      xero.updateContact(tenant, contact.ContactID, {
        contacts: [{ contactStatus: Contact.ContactStatusEnum.ARCHIVED }],
      }),
    );
    expect(archived.status).toBe(200);
    expect(archived.body?.contacts?.[0]?.contactStatus).toBe("ARCHIVED");

    const where = `Name=="${name}"`;
    const active = await xeroCall("getContacts", xero.getContacts(tenant, undefined, where));
    expect((active.data as { Contacts: unknown[] }).Contacts).toEqual([]);
    const all = await xeroCall(
      "getContacts",
      xero.getContacts(tenant, undefined, where, undefined, undefined, undefined, true),
    );
    expect((all.data as { Contacts: { ContactID: string }[] }).Contacts.map((c) => c.ContactID)).toEqual([
      contact.ContactID,
    ]);
  });

  it("POST with a ContactID renames that contact, but not onto another contact's name", async () => {
    const contact = await createContact({ name: unique("Kauri Co") });
    const renamed = unique("Kauri Holdings");
    const result = await xeroCall(
      "updateOrCreateContacts",
      xero.updateOrCreateContacts(tenant, { contacts: [{ contactID: contact.ContactID, name: renamed }] }),
    );
    expect(result.body?.contacts?.[0]).toMatchObject({ contactID: contact.ContactID, name: renamed });

    const other = await createContact({ name: unique("Matai Ltd") });
    const clash = await xeroCall(
      "updateContact",
      xero.updateContact(tenant, other.ContactID, { contacts: [{ name: renamed }] }),
    );
    expect(clash.status).toBe(400);
    expect(validationMessages(clash.data)[0]).toContain(
      `The contact name ${renamed} is already assigned to another contact.`,
    );
  });

  it("filters with where, searchTerm and IDs", async () => {
    const marker = randomUUID().slice(0, 8);
    const withEmail = await createContact({
      name: `Filter ${marker} A`,
      emailAddress: `a-${marker}@filters.example`,
      accountNumber: `AN-${marker}`,
    });
    const withoutEmail = await createContact({ name: `Filter ${marker} B` });

    const byEmail = await xeroCall(
      "getContacts",
      xero.getContacts(tenant, undefined, `Name.StartsWith("Filter ${marker}") AND EmailAddress!=null`),
    );
    expect((byEmail.data as { Contacts: { ContactID: string }[] }).Contacts.map((c) => c.ContactID)).toEqual([
      withEmail.ContactID,
    ]);

    const byAccount = await xeroCall(
      "getContacts",
      xero.getContacts(tenant, undefined, `AccountNumber=="AN-${marker}"`),
    );
    expect((byAccount.data as { Contacts: unknown[] }).Contacts).toHaveLength(1);

    const lowered = await xeroCall(
      "getContacts",
      xero.getContacts(tenant, undefined, `Name.ToLower()=="filter ${marker} b" OR Name.Contains("${marker} A")`),
    );
    expect((lowered.data as { Contacts: unknown[] }).Contacts).toHaveLength(2);

    const search = await xeroCall(
      "getContacts",
      xero.getContacts(
        tenant,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        `A-${marker}@FILTERS`,
      ),
    );
    expect((search.data as { Contacts: { ContactID: string }[] }).Contacts.map((c) => c.ContactID)).toEqual([
      withEmail.ContactID,
    ]);

    const byIds = await xeroCall(
      "getContacts",
      xero.getContacts(tenant, undefined, undefined, undefined, [withoutEmail.ContactID]),
    );
    expect((byIds.data as { Contacts: { ContactID: string }[] }).Contacts.map((c) => c.ContactID)).toEqual([
      withoutEmail.ContactID,
    ]);
  });

  it("pages 100 at a time with a pagination object", async () => {
    const paged = await xeroCall(
      "getContacts",
      xero.getContacts(tenant, undefined, undefined, "Name ASC", undefined, 1),
    );
    const data = paged.data as {
      pagination: { page: number; pageSize: number; itemCount: number; pageCount: number };
      Contacts: { Name: string }[];
    };
    expect(data.pagination).toMatchObject({ page: 1, pageSize: 100 });
    expect(data.pagination.itemCount).toBe(data.Contacts.length);
    const names = data.Contacts.map((contact) => contact.Name);
    expect(names).toEqual([...names].sort());

    const small = await xeroCall(
      "getContacts",
      xero.getContacts(tenant, undefined, undefined, undefined, undefined, 2, undefined, undefined, undefined, 2),
    );
    const smallData = small.data as {
      pagination: { page: number; pageSize: number; pageCount: number; itemCount: number };
      Contacts: unknown[];
    };
    expect(smallData.pagination).toMatchObject({
      page: 2,
      pageSize: 2,
      pageCount: Math.ceil(smallData.pagination.itemCount / 2),
    });
    expect(smallData.Contacts).toHaveLength(2);
  });

  it("answers an unsupported where with Xero's QueryParseException", async () => {
    const result = await xeroCall("getContacts", xero.getContacts(tenant, undefined, `Nickname=="x"`));
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      Type: "QueryParseException",
      Message: "No property or field 'Nickname' exists in type 'Contact'",
    });
  });

  it("answers an unknown contact id with Xero's plain-text 404", async () => {
    const result = await xeroCall("getContact", xero.getContact(tenant, randomUUID()));
    expect(result.status).toBe(404);
    expect(result.data).toBe("The resource you're looking for cannot be found");
  });
});
