import { describe, expect, it } from "vitest";
import { parseWhere } from "./where-filter";
import { XeroRequestError } from "./xero-errors";

const FIELDS = ["Name", "EmailAddress", "ContactStatus", "Total", "Date", "IsCustomer", "Contact.ContactID"];
const records = [
  {
    Name: "Bayside Club",
    EmailAddress: "a@bayside.example",
    ContactStatus: "ACTIVE",
    Total: 10,
    IsCustomer: true,
    Date: `/Date(${Date.UTC(2024, 0, 10)}+0000)/`,
    Contact: { ContactID: "0f7d1c6e-1111-4c2b-9a55-000000000001" },
  },
  {
    Name: "Ridgeway University",
    ContactStatus: "ARCHIVED",
    Total: 250.5,
    IsCustomer: false,
    Date: `/Date(${Date.UTC(2024, 5, 1)}+0000)/`,
    Contact: { ContactID: "0f7d1c6e-1111-4c2b-9a55-000000000002" },
  },
  {
    Name: "PowerDirect",
    EmailAddress: "",
    ContactStatus: "ACTIVE",
    Total: 99.99,
    IsCustomer: false,
    Date: `/Date(${Date.UTC(2023, 11, 31)}+0000)/`,
    Contact: { ContactID: "0f7d1c6e-1111-4c2b-9a55-000000000003" },
  },
];

const names = (where: string) => records.filter(parseWhere(where, "Contact", FIELDS)).map((record) => record.Name);

describe("parseWhere", () => {
  it("compares strings exactly, with == and !=", () => {
    expect(names('Name=="Bayside Club"')).toEqual(["Bayside Club"]);
    expect(names('Name=="bayside club"')).toEqual([]);
    expect(names('ContactStatus!="ACTIVE"')).toEqual(["Ridgeway University"]);
  });

  it("combines with AND, OR, NOT and parentheses (AND binds tighter)", () => {
    expect(names('ContactStatus=="ACTIVE" AND Total>50')).toEqual(["PowerDirect"]);
    expect(names('Name=="PowerDirect" OR Name=="Bayside Club" AND Total>50')).toEqual(["PowerDirect"]);
    expect(names('(Name=="PowerDirect" OR Name=="Bayside Club") AND Total<50')).toEqual(["Bayside Club"]);
    expect(names('NOT (ContactStatus=="ACTIVE")')).toEqual(["Ridgeway University"]);
    expect(names('ContactStatus=="ACTIVE" && IsCustomer==true')).toEqual(["Bayside Club"]);
  });

  it("treats missing and empty values as null", () => {
    expect(names("EmailAddress!=null")).toEqual(["Bayside Club"]);
    expect(names("EmailAddress==null")).toEqual(["Ridgeway University", "PowerDirect"]);
  });

  it("supports Contains, StartsWith, EndsWith, ToLower and ToUpper", () => {
    expect(names('Name.Contains("way")')).toEqual(["Ridgeway University"]);
    expect(names('Name.StartsWith("Power")')).toEqual(["PowerDirect"]);
    expect(names('Name.EndsWith("Club")')).toEqual(["Bayside Club"]);
    expect(names('Name.ToLower()=="powerdirect"')).toEqual(["PowerDirect"]);
    expect(names('Name.ToUpper().Contains("UNIVERSITY")')).toEqual(["Ridgeway University"]);
  });

  it("compares Guid() ignoring case, numbers, booleans and DateTime()", () => {
    expect(names('Contact.ContactID==Guid("0F7D1C6E-1111-4C2B-9A55-000000000002")')).toEqual(["Ridgeway University"]);
    expect(names("Total>=99.99")).toEqual(["Ridgeway University", "PowerDirect"]);
    expect(names("IsCustomer")).toEqual(["Bayside Club"]);
    expect(names("Date>=DateTime(2024,01,01)")).toEqual(["Bayside Club", "Ridgeway University"]);
    expect(names('Name=="Bayside \\"Club\\""')).toEqual([]);
  });

  it("reads DateTime() with a time of day, to the second", () => {
    // Bayside Club's Date is 2024-01-10T00:00:00Z: one second before it is earlier, the instant is not.
    expect(names("Date>DateTime(2024,01,09,23,59,59) AND Date<DateTime(2024,02,01)")).toEqual(["Bayside Club"]);
    expect(names("Date>DateTime(2024,01,10,00,00,00) AND Date<DateTime(2024,02,01)")).toEqual([]);
  });

  it("reads keywords and type names in any letter case, as Dynamic LINQ does", () => {
    expect(names('Contact.ContactID==guid("0f7d1c6e-1111-4c2b-9a55-000000000003")')).toEqual(["PowerDirect"]);
    expect(names("EmailAddress==NULL")).toEqual(["Ridgeway University", "PowerDirect"]);
    expect(names("IsCustomer==True")).toEqual(["Bayside Club"]);
    expect(names("Date<datetime(2024,01,01)")).toEqual(["PowerDirect"]);
  });

  it.each([
    ['Nickname=="x"', "No property or field 'Nickname' exists in type 'Contact'"],
    ['Name=="open', "Unterminated string literal"],
    ['Name=="a" AND', "Expression expected"],
    ['Name.Substring(1)=="a"', "No property or field 'Substring' exists in type 'Contact'"],
    ["Name==Name; DROP TABLE", "Syntax error ';'"],
    ["Name.ToLower().Length==3", "No applicable method 'Length' exists in type 'String'"],
    ['(Name=="a"', "')' expected"],
  ])("refuses %s with a QueryParseException", (where, message) => {
    let thrown: unknown;
    try {
      parseWhere(where, "Contact", FIELDS);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(XeroRequestError);
    expect(thrown).toMatchObject({ type: "QueryParseException", message });
  });
});
