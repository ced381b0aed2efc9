import { sampleContact } from "../../catalog/output-samples";

// Records of the lists only polling reads, as Xero sends them, for the data picker before a real
// one arrives (payments and items have theirs in catalog/output-samples.ts).

const contact = { ContactID: sampleContact.ContactID, Name: sampleContact.Name };
const UPDATED = "/Date(1767225600000+0000)/";

export const sampleBankTransaction = {
  BankTransactionID: "d20b6c54-7f5d-4ce6-ab83-55f609719126",
  Type: "SPEND",
  Contact: contact,
  BankAccount: { AccountID: "ac993f75-035b-433c-82e0-7b7a2d40802c", Code: "090", Name: "Business Bank Account" },
  IsReconciled: false,
  Date: "2026-02-12",
  Reference: "Stationery",
  CurrencyCode: "USD",
  Status: "AUTHORISED",
  LineAmountTypes: "Inclusive",
  LineItems: [{ Description: "Printer paper", Quantity: 1, UnitAmount: 46, AccountCode: "461", LineAmount: 46 }],
  SubTotal: 40,
  TotalTax: 6,
  Total: 46,
  UpdatedDateUTC: UPDATED,
};

export const sampleQuote = {
  QuoteID: "be59ae5e-3a8b-4f33-9a59-5f7c1b3ec0e4",
  QuoteNumber: "QU-0012",
  Reference: "Website refresh",
  Title: "Website refresh",
  Summary: "Design and build, two rounds of changes",
  Contact: contact,
  Date: "2026-02-02",
  ExpiryDate: "2026-03-02",
  Status: "SENT",
  CurrencyCode: "USD",
  LineAmountTypes: "Exclusive",
  LineItems: [{ Description: "Design", Quantity: 12, UnitAmount: 120, AccountCode: "200", LineAmount: 1440 }],
  SubTotal: 1440,
  TotalTax: 216,
  Total: 1656,
  UpdatedDateUTC: UPDATED,
};

export const samplePurchaseOrder = {
  PurchaseOrderID: "3c7f2a58-5a1e-4d0c-9b52-2f0f45a8e4a1",
  PurchaseOrderNumber: "PO-0031",
  Reference: "Spring stock",
  Contact: contact,
  Date: "2026-02-05",
  DeliveryDate: "2026-02-19",
  Status: "AUTHORISED",
  CurrencyCode: "USD",
  LineAmountTypes: "Exclusive",
  LineItems: [{ Description: "Widgets", Quantity: 50, UnitAmount: 4.5, AccountCode: "300", LineAmount: 225 }],
  SubTotal: 225,
  TotalTax: 33.75,
  Total: 258.75,
  UpdatedDateUTC: UPDATED,
};

export const sampleManualJournal = {
  ManualJournalID: "7f4b8c2e-1d3a-4b5c-8e9f-0a1b2c3d4e5f",
  Narration: "Accrued wages, February",
  Date: "2026-02-28",
  Status: "POSTED",
  LineAmountTypes: "NoTax",
  ShowOnCashBasisReports: true,
  JournalLines: [
    { LineAmount: 2500, AccountCode: "477", Description: "Wages" },
    { LineAmount: -2500, AccountCode: "820", Description: "Wages payable" },
  ],
  UpdatedDateUTC: UPDATED,
};
