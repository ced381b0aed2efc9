import { describe, expect, it } from "vitest";
import { stepErrorOf } from "../testing/step-error-of";
import { runAction, sandboxClientForFile, uniqueName } from "../testing/test-sandbox";
import { findContact } from "./find-contact";
import { findOrCreateContact } from "./find-or-create-contact";
import { upsertContact } from "./upsert-contact";

const client = await sandboxClientForFile();

describe("xero.upsertContact", () => {
  it("creates a contact, then updates the same one by name", async () => {
    const name = uniqueName("Harbour Cafe");
    const created = await runAction(upsertContact, client, {
      Name: name,
      EmailAddress: "owner@harbour.example",
      AccountNumber: uniqueName("HC"),
      Phone: "021 555 0100",
      City: "Wellington",
    });
    expect(created.ContactID).toEqual(expect.any(String));
    expect(created.Name).toBe(name);
    expect(created.EmailAddress).toBe("owner@harbour.example");

    const updated = await runAction(upsertContact, client, { Name: name, EmailAddress: "accounts@harbour.example" });
    expect(updated.ContactID).toBe(created.ContactID);
    expect(updated.EmailAddress).toBe("accounts@harbour.example");
  });

  it("updates by ContactID, renaming the contact", async () => {
    const created = await runAction(upsertContact, client, { Name: uniqueName("Old Name") });
    const renamed = uniqueName("New Name");
    const updated = await runAction(upsertContact, client, { ContactID: created.ContactID, Name: renamed });
    expect(updated).toMatchObject({ ContactID: created.ContactID, Name: renamed });
  });

  it("surfaces Xero's validation message verbatim, naming the field", async () => {
    const error = await stepErrorOf(
      runAction(upsertContact, client, { Name: uniqueName("Bad Email"), EmailAddress: "not-an-email" }),
    );
    expect(error.code).toBe("xero_validation");
    expect(error.retryable).toBe(false);
    expect(error.message).toBe("Email address must be valid.");
    expect(error.field).toBe("EmailAddress");
  });

  it("refuses input without a name or ID before calling Xero", async () => {
    const error = await stepErrorOf(runAction(upsertContact, client, { EmailAddress: "a@b.example" }));
    expect(error).toMatchObject({
      code: "invalid_input",
      field: "Name",
      message: "Contact name: is required unless a contact ID is given",
    });
  });
});

describe("xero.findContact", () => {
  it("finds a contact by exact name, account number and email", async () => {
    const name = uniqueName("Findable Ltd");
    const accountNumber = uniqueName("FIND").replace(" ", "-");
    const email = `${accountNumber.toLowerCase()}@findable.example`;
    const created = await runAction(upsertContact, client, {
      Name: name,
      AccountNumber: accountNumber,
      EmailAddress: email,
    });

    for (const [matchBy, value] of [
      ["Name", name],
      ["AccountNumber", accountNumber],
      ["EmailAddress", email],
    ]) {
      const found = await runAction(findContact, client, { matchBy, [matchBy as string]: value });
      expect(found).toMatchObject({ found: true, ContactID: created.ContactID, Name: name });
    }
  });

  it("finds a name with quotes and a backslash in it", async () => {
    const name = `${uniqueName("Joe's")} "Best" Cafe \\ Bar`;
    const created = await runAction(upsertContact, client, { Name: name });
    await expect(runAction(findContact, client, { matchBy: "Name", Name: name })).resolves.toMatchObject({
      found: true,
      ContactID: created.ContactID,
    });
  });

  it("does not treat a partial name as a match", async () => {
    const name = uniqueName("Partial Match Co");
    await runAction(upsertContact, client, { Name: name });
    const result = await runAction(findContact, client, {
      matchBy: "Name",
      Name: name.slice(0, -2),
      ifNotFound: "continue",
    });
    expect(result).toEqual({ found: false });
  });

  it("fails the step when nothing matches and the step says so", async () => {
    const error = await stepErrorOf(
      runAction(findContact, client, { matchBy: "Name", Name: uniqueName("Nobody"), ifNotFound: "fail" }),
    );
    expect(error.code).toBe("not_found");
    expect(error.field).toBe("Name");
    expect(error.message).toMatch(/^No Xero contact has the contact name "Nobody [0-9a-f]{8}"\.$/);
  });

  it("needs the value it matches by", async () => {
    const error = await stepErrorOf(runAction(findContact, client, { matchBy: "EmailAddress", Name: "Bayside Club" }));
    expect(error).toMatchObject({ code: "invalid_input", field: "EmailAddress" });
  });
});

describe("xero.findOrCreateContact", () => {
  it("creates the contact once and finds it the second time", async () => {
    const name = uniqueName("Twice Ltd");
    const first = await runAction(findOrCreateContact, client, { matchBy: "Name", Name: name, FirstName: "Tia" });
    const second = await runAction(findOrCreateContact, client, { matchBy: "Name", Name: name, FirstName: "Tia" });
    expect(first).toMatchObject({ created: true, Name: name, FirstName: "Tia" });
    expect(second).toMatchObject({ created: false, ContactID: first.ContactID });

    const matches = await client.accounting.getContacts(client.tenantId, undefined, `Name=="${name}"`);
    expect(matches.body.contacts).toHaveLength(1);
  });

  it("creates one contact when two runs find-or-create it at the same moment", async () => {
    const name = uniqueName("Concurrent Ltd");
    const results = await Promise.all([
      runAction(findOrCreateContact, client, { matchBy: "Name", Name: name }),
      runAction(findOrCreateContact, client, { matchBy: "Name", Name: name }),
    ]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(results[0]?.ContactID).toBe(results[1]?.ContactID);
  });

  it("finds an existing contact by email even when the name differs", async () => {
    const email = `${uniqueName("x").replace(" ", "")}@by-email.example`;
    const existing = await runAction(upsertContact, client, { Name: uniqueName("Email Owner"), EmailAddress: email });
    const result = await runAction(findOrCreateContact, client, {
      matchBy: "EmailAddress",
      EmailAddress: email,
      Name: uniqueName("Another Name"),
    });
    expect(result).toMatchObject({ created: false, ContactID: existing.ContactID });
  });

  it("surfaces Xero's validation message when the new contact is refused", async () => {
    const error = await stepErrorOf(
      runAction(findOrCreateContact, client, {
        matchBy: "Name",
        Name: uniqueName("Refused"),
        EmailAddress: "nope",
      }),
    );
    expect(error).toMatchObject({ code: "xero_validation", message: "Email address must be valid." });
  });
});
