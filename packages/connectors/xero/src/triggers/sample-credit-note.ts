import { sampleContact } from "../catalog/output-samples";

/** A credit note as Xero sends one, for the data picker before a real one arrives. */
export const sampleCreditNote = {
  CreditNoteID: "a9f2e7a1-6a3c-4a4f-8a57-3c1e55d0c1b2",
  CreditNoteNumber: "CN-0007",
  Type: "ACCRECCREDIT",
  Status: "AUTHORISED",
  Contact: { ContactID: sampleContact.ContactID, Name: sampleContact.Name },
  Date: "2026-02-03",
  Reference: "Returned goods",
  LineAmountTypes: "Exclusive",
  CurrencyCode: "USD",
  LineItems: [
    {
      Description: "Returned: consulting hour",
      Quantity: 1,
      UnitAmount: 120,
      AccountCode: "200",
      TaxType: "OUTPUT",
      TaxAmount: 18,
      LineAmount: 120,
    },
  ],
  SubTotal: 120,
  TotalTax: 18,
  Total: 138,
  RemainingCredit: 138,
  UpdatedDateUTC: "/Date(1767225600000+0000)/",
};
