import { describe, expect, it } from "vitest";
import { createInvoice } from "../catalog/create-invoice";
import { validationProblems } from "./validation-problems";
import { validationEntries } from "./xero-error-body";

// The messages are the sandbox's (apps/xero-sandbox/src/accounting: resolve-line-items.ts,
// save-invoice.ts, save-contact.ts, line-item-document.ts, xero-dates.ts), which are Xero's own.
// Xero reports them on the document, not the line: the line is the one holding the quoted value.

const fields = createInvoice.fields;
const input = {
  ContactName: "Ridgeway",
  LineItems: [
    { Description: "Tea", AccountCode: "200", TaxType: "OUTPUT2", ItemCode: "TEA" },
    { Description: "Cups", AccountCode: "999", TaxType: "BAD", TrackingCategory1: "Region", TrackingOption1: "North" },
    { Description: "Pots", AccountCode: "999", TrackingCategory2: "Region", TrackingOption2: "Mars", ItemCode: "NOPE" },
  ],
};

/** Xero's 400 body for one invoice whose `ValidationErrors` are `messages`. */
const rejected = (...messages: string[]) =>
  validationEntries({
    ErrorNumber: 10,
    Type: "ValidationException",
    Message: "A validation exception occurred",
    Elements: [{ ...input, ValidationErrors: messages.map((Message) => ({ Message })) }],
  });

describe("validationProblems", () => {
  it("puts a line's message on the field of every line holding the value it quotes", () => {
    expect(
      validationProblems(rejected("Account code '999' is not a valid code for this document."), fields, input),
    ).toEqual([
      { field: "LineItems[1].AccountCode", message: "Account code '999' is not a valid code for this document." },
      { field: "LineItems[2].AccountCode", message: "Account code '999' is not a valid code for this document." },
    ]);
  });

  it("covers tax type, item code and the tracking slot that holds the option", () => {
    const problems = validationProblems(
      rejected(
        "The TaxType code 'BAD' does not exist or cannot be used for this type of transaction.",
        "Item code 'NOPE' is not valid.",
        "The Tracking Option 'Mars' does not exist for Tracking Category 'Region'.",
      ),
      fields,
      input,
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      "LineItems[1].TaxType",
      "LineItems[2].ItemCode",
      "LineItems[2].TrackingOption2",
    ]);
  });

  it("names the document's own fields: contact, dates, currency", () => {
    const problems = validationProblems(
      rejected(
        "A Contact must be specified for this type of transaction",
        "The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber",
        "Date must be a valid date.",
        "DueDate must be a valid date.",
        "The currency code 'XYZ' is not valid for this organisation.",
        "Invoice # must be unique.",
      ),
      fields,
      input,
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      "ContactID",
      "ContactID",
      "Date",
      "DueDate",
      "CurrencyCode",
      "InvoiceNumber",
    ]);
  });

  it("keeps a line's field without a line when no line holds what the message says", () => {
    const message = "Account code must be specified for all line items on an approved document.";
    expect(validationProblems(rejected(message), fields, input)).toEqual([{ field: "LineItems.AccountCode", message }]);
  });

  it("uses the line Xero attached a message to", () => {
    const entries = validationEntries({
      Elements: [
        {
          ValidationErrors: [{ Message: "Account code '999' is not a valid code for this document." }],
          LineItems: [
            {},
            {},
            { ValidationErrors: [{ Message: "Account code '999' is not a valid code for this document." }] },
          ],
        },
      ],
    });
    expect(entries).toEqual([{ message: "Account code '999' is not a valid code for this document.", line: 2 }]);
    expect(validationProblems(entries, fields, input)).toEqual([
      { field: "LineItems[2].AccountCode", message: "Account code '999' is not a valid code for this document." },
    ]);
  });
});
