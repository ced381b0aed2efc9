import { describe, expect, it } from "vitest";
import { expectValidXeroResponse, xeroResponseProblems } from "./xero-response-validator";

const contact = {
  ContactID: "0f7d1c6e-1111-4c2b-9a55-000000000001",
  ContactStatus: "ACTIVE",
  Name: "Bayside Club",
  UpdatedDateUTC: "/Date(1705311000000+0000)/",
};

describe("expectValidXeroResponse", () => {
  it("accepts a body the spec allows", () => {
    expect(() => expectValidXeroResponse("getContacts", 200, { Contacts: [contact] })).not.toThrow();
  });

  it("rejects a field the spec does not define, naming it", () => {
    expect(xeroResponseProblems("getContacts", 200, { Contacts: [{ ...contact, Nickname: "Bay" }] })).toEqual([
      "Contacts/0: must NOT have additional properties 'Nickname'",
    ]);
    expect(xeroResponseProblems("getContacts", 200, { Contacts: [contact], Status: "OK" })).toHaveLength(1);
  });

  it("rejects wrong types, enum values and malformed ids", () => {
    expect(xeroResponseProblems("getContacts", 200, { Contacts: [{ ...contact, ContactStatus: "SLEEPING" }] })).toEqual(
      ["Contacts/0/ContactStatus: must be equal to one of the allowed values"],
    );
    expect(xeroResponseProblems("getContacts", 200, { Contacts: [{ ...contact, ContactID: "nope" }] })).toHaveLength(1);
    expect(xeroResponseProblems("getInvoices", 200, { Invoices: [{ Total: "115.00" }] })).toEqual([
      "Invoices/0/Total: must be number",
    ]);
  });

  it("rejects a missing required field", () => {
    expect(xeroResponseProblems("getItems", 200, { Items: [{ Name: "No code" }] })).toEqual([
      "Items/0: must have required property 'Code'",
    ]);
  });

  it("does not fill in the spec's defaults (the body under test is never changed)", () => {
    const body = { Contacts: [{ ...contact }] };
    expectValidXeroResponse("getContacts", 200, body);
    expect(body).toEqual({ Contacts: [contact] });
  });

  it("checks 400s against the spec's Error and other statuses against Xero's observed shapes", () => {
    const error = {
      ErrorNumber: 10,
      Type: "ValidationException",
      Message: "A validation exception occurred",
      Elements: [],
    };
    expect(xeroResponseProblems("createContacts", 400, error)).toEqual([]);
    expect(xeroResponseProblems("createContacts", 400, { ...error, Extra: 1 })).toHaveLength(1);
    expect(xeroResponseProblems("getContact", 404, "The resource you're looking for cannot be found")).toEqual([]);
    expect(xeroResponseProblems("getContact", 404, { message: "not found" })).toHaveLength(1);
    const problem = {
      Type: null,
      Title: "Forbidden",
      Status: 403,
      Detail: "AuthorizationUnsuccessful",
      Instance: "0f7d1c6e-1111-4c2b-9a55-000000000009",
      Extensions: {},
    };
    expect(xeroResponseProblems("getContacts", 403, problem)).toEqual([]);
    expect(xeroResponseProblems("getContacts", 401, problem)).toEqual(["problem Status 403 differs from HTTP 401"]);
  });

  it("throws for an operation the spec does not have", () => {
    expect(() => expectValidXeroResponse("getUnicorns", 200, {})).toThrow(
      'The Xero accounting spec has no operation "getUnicorns"',
    );
  });
});
