// What the catalog's steps return, as Xero sends it: the editor's data picker offers these paths
// (`{{steps.invoice.InvoiceID}}`) before a step has been tested.

export const sampleContact = {
  ContactID: "bd2270c3-8706-4c11-9cfb-000b551c3f51",
  ContactStatus: "ACTIVE",
  Name: "Bayside Club",
  FirstName: "Bob",
  LastName: "Partridge",
  EmailAddress: "secretarybob@bayside.co",
  AccountNumber: "BAY-001",
  ContactNumber: "CRM-1042",
  TaxNumber: "12-345-678",
  Addresses: [{ AddressType: "POBOX", AddressLine1: "P O Box 3354", City: "Ridge Heights", PostalCode: "9020" }],
  Phones: [{ PhoneType: "DEFAULT", PhoneNumber: "2024418" }],
  IsSupplier: false,
  IsCustomer: true,
  DefaultCurrency: "USD",
  UpdatedDateUTC: "/Date(1767225600000+0000)/",
};

export const sampleInvoice = {
  InvoiceID: "243216c5-369e-4056-ac67-05388f86dc81",
  InvoiceNumber: "INV-0042",
  Type: "ACCREC",
  Status: "AUTHORISED",
  Contact: { ContactID: sampleContact.ContactID, Name: sampleContact.Name },
  Date: "2026-01-31",
  DueDate: "2026-02-28",
  Reference: "PO-7731",
  LineAmountTypes: "Exclusive",
  CurrencyCode: "USD",
  LineItems: [
    {
      LineItemID: "52208ff9-528a-4985-a9ad-b2b1d4210e38",
      Description: "Consulting, January",
      Quantity: 10,
      UnitAmount: 120,
      AccountCode: "200",
      TaxType: "OUTPUT",
      TaxAmount: 180,
      LineAmount: 1200,
      Tracking: [{ TrackingCategoryID: "e2f2f732-e92a-4f3a-9c4d-ee4da0182a13", Name: "Region", Option: "North" }],
    },
  ],
  SubTotal: 1200,
  TotalTax: 180,
  Total: 1380,
  AmountDue: 1380,
  AmountPaid: 0,
  UpdatedDateUTC: "/Date(1767225600000+0000)/",
};

export const samplePayment = {
  PaymentID: "b26fd49a-cbae-470a-a8f8-bcbc119e0379",
  Date: "2026-02-10",
  Amount: 1380,
  Reference: "Stripe po_1Q2w3E",
  Status: "AUTHORISED",
  PaymentType: "ACCRECPAYMENT",
  Invoice: { InvoiceID: sampleInvoice.InvoiceID, InvoiceNumber: sampleInvoice.InvoiceNumber },
  Account: { AccountID: "ac993f75-035b-433c-82e0-7b7a2d40802c", Code: "090" },
  UpdatedDateUTC: "/Date(1767225600000+0000)/",
};

export const sampleItem = {
  ItemID: "9a59ea90-942e-484d-9b71-d00ab607e03b",
  Code: "CONSULT-HR",
  Name: "Consulting hour",
  Description: "One hour of consulting",
  IsSold: true,
  IsPurchased: false,
  SalesDetails: { UnitPrice: 120, AccountCode: "200", TaxType: "OUTPUT" },
  IsTrackedAsInventory: false,
  UpdatedDateUTC: "/Date(1767225600000+0000)/",
};

export const sampleTrackingCategory = {
  TrackingCategoryID: "e2f2f732-e92a-4f3a-9c4d-ee4da0182a13",
  Name: "Region",
  Status: "ACTIVE",
  Options: [
    { TrackingOptionID: "ae777a87-5ef3-4fa0-a4f0-d10e1f13073a", Name: "North", Status: "ACTIVE" },
    { TrackingOptionID: "6dc7b4a5-7e80-4a4b-bc08-e2d1a47eb9a6", Name: "South", Status: "ACTIVE" },
  ],
};
