import type { CreditNoteType, DocumentBooks } from "./document-books";

/**
 * What the sandbox keeps per organisation. Records are stored in Xero's wire shape (PascalCase,
 * MS dates) so reads serialise them as they are and `Ledger.toJSON()` round-trips them.
 */

export interface OrganisationRecord {
  OrganisationID: string;
  Name: string;
  LegalName: string;
  PaysTax: boolean;
  Version: "NZ" | "UK" | "AU" | "US" | "GLOBAL";
  OrganisationType: "COMPANY";
  OrganisationEntityType: "COMPANY";
  BaseCurrency: string;
  CountryCode: string;
  IsDemoCompany: boolean;
  OrganisationStatus: "ACTIVE";
  TaxNumber: string;
  FinancialYearEndDay: number;
  FinancialYearEndMonth: number;
  SalesTaxBasis: string;
  SalesTaxPeriod: string;
  DefaultSalesTax: string;
  DefaultPurchasesTax: string;
  CreatedDateUTC: string;
  Timezone: string;
  ShortCode: string;
  Class: string;
  Edition: "BUSINESS";
}

export interface CurrencyRecord {
  Code: string;
  Description: string;
}

export type AccountClass = "ASSET" | "EQUITY" | "EXPENSE" | "LIABILITY" | "REVENUE";

export interface AccountRecord {
  AccountID: string;
  Code: string;
  Name: string;
  Type: string;
  Status: "ACTIVE" | "ARCHIVED";
  TaxType: string;
  Description?: string;
  Class: AccountClass;
  SystemAccount?: string;
  EnablePaymentsToAccount: boolean;
  ShowInExpenseClaims: boolean;
  BankAccountNumber?: string;
  BankAccountType?: "BANK";
  CurrencyCode?: string;
  ReportingCode?: string;
  HasAttachments: boolean;
  UpdatedDateUTC: string;
}

export interface TaxRateRecord {
  Name: string;
  TaxType: string;
  TaxComponents: { Name: string; Rate: number; IsCompound: boolean; IsNonRecoverable: boolean }[];
  Status: "ACTIVE";
  CanApplyToAssets: boolean;
  CanApplyToEquity: boolean;
  CanApplyToExpenses: boolean;
  CanApplyToLiabilities: boolean;
  CanApplyToRevenue: boolean;
  DisplayTaxRate: number;
  EffectiveRate: number;
}

export interface TrackingOptionRecord {
  TrackingOptionID: string;
  Name: string;
  Status: "ACTIVE" | "ARCHIVED";
}

export interface TrackingCategoryRecord {
  TrackingCategoryID: string;
  Name: string;
  Status: "ACTIVE" | "ARCHIVED";
  Options: TrackingOptionRecord[];
}

export interface ItemDetails {
  UnitPrice?: number;
  AccountCode?: string;
  TaxType?: string;
}

export interface ItemRecord {
  ItemID: string;
  Code: string;
  Name?: string;
  Description?: string;
  PurchaseDescription?: string;
  IsSold: boolean;
  IsPurchased: boolean;
  SalesDetails?: ItemDetails;
  PurchaseDetails?: ItemDetails;
  IsTrackedAsInventory: boolean;
  UpdatedDateUTC: string;
}

export interface AddressRecord {
  AddressType: "POBOX" | "STREET";
  AddressLine1?: string;
  AddressLine2?: string;
  City?: string;
  Region?: string;
  PostalCode?: string;
  Country?: string;
  AttentionTo?: string;
}

export interface PhoneRecord {
  PhoneType: "DEFAULT" | "DDI" | "MOBILE" | "FAX" | "OFFICE";
  PhoneNumber?: string;
  PhoneAreaCode?: string;
  PhoneCountryCode?: string;
}

export interface ContactRecord {
  ContactID: string;
  ContactStatus: "ACTIVE" | "ARCHIVED";
  Name: string;
  ContactNumber?: string;
  AccountNumber?: string;
  FirstName?: string;
  LastName?: string;
  CompanyNumber?: string;
  EmailAddress?: string;
  BankAccountDetails?: string;
  TaxNumber?: string;
  DefaultCurrency?: string;
  Addresses: AddressRecord[];
  Phones: PhoneRecord[];
  IsSupplier: boolean;
  IsCustomer: boolean;
  HasAttachments: boolean;
  UpdatedDateUTC: string;
}

export interface LineItemTrackingRecord {
  TrackingCategoryID: string;
  TrackingOptionID: string;
  Name: string;
  Option: string;
}

export interface LineItemRecord {
  LineItemID: string;
  Description?: string;
  Quantity: number;
  UnitAmount: number;
  ItemCode?: string;
  AccountCode?: string;
  AccountID?: string;
  TaxType: string;
  TaxAmount: number;
  LineAmount: number;
  DiscountRate?: number;
  Tracking: LineItemTrackingRecord[];
}

export type LineAmountType = "Exclusive" | "Inclusive" | "NoTax";
export type InvoiceType = "ACCREC" | "ACCPAY";
export type InvoiceStatus = "DRAFT" | "SUBMITTED" | "AUTHORISED" | "PAID" | "DELETED" | "VOIDED";

/** The part of a payment an invoice shows in its `Payments` list. */
export interface InvoicePaymentRecord {
  PaymentID: string;
  Date: string;
  Amount: number;
  Reference?: string;
  CurrencyRate: number;
  HasAccount: boolean;
  HasValidationErrors: boolean;
}

export interface InvoiceRecord {
  InvoiceID: string;
  Type: InvoiceType;
  InvoiceNumber: string;
  Reference?: string;
  Contact: { ContactID: string; Name: string };
  Date: string;
  DueDate?: string;
  Status: InvoiceStatus;
  LineAmountTypes: LineAmountType;
  LineItems: LineItemRecord[];
  SubTotal: number;
  TotalTax: number;
  Total: number;
  AmountDue: number;
  AmountPaid: number;
  AmountCredited: number;
  CurrencyCode: string;
  CurrencyRate: number;
  FullyPaidOnDate?: string;
  Payments: InvoicePaymentRecord[];
  HasAttachments: boolean;
  IsDiscounted: boolean;
  UpdatedDateUTC: string;
}

export interface PaymentRecord {
  PaymentID: string;
  Date: string;
  Amount: number;
  BankAmount: number;
  CurrencyRate: number;
  Reference?: string;
  IsReconciled: boolean;
  Status: "AUTHORISED" | "DELETED";
  PaymentType: "ACCRECPAYMENT" | "ACCPAYPAYMENT";
  Account: { AccountID: string; Code: string };
  Invoice: {
    InvoiceID: string;
    InvoiceNumber: string;
    Type: InvoiceType;
    Contact: { ContactID: string; Name: string };
  };
  HasAccount: boolean;
  HasValidationErrors: boolean;
  UpdatedDateUTC: string;
}

/** Everything one organisation (tenant) holds. */
export interface OrganisationBooks extends DocumentBooks {
  organisation: OrganisationRecord;
  currencies: CurrencyRecord[];
  accounts: AccountRecord[];
  taxRates: TaxRateRecord[];
  trackingCategories: TrackingCategoryRecord[];
  items: ItemRecord[];
  contacts: ContactRecord[];
  invoices: InvoiceRecord[];
  payments: PaymentRecord[];
  /** The next number `INV-0001`… an ACCREC invoice gets when none is given. */
  nextInvoiceNumber: number;
  /** The last UpdatedDateUTC (ms) given to a changed record (`stamp-update.ts`); absent before the first change. */
  lastUpdatedAtMs?: number;
}

export interface LedgerChange {
  tenantId: string;
  resource: "CONTACT" | "INVOICE" | "CREDITNOTE";
  resourceId: string;
  eventType: "CREATE" | "UPDATE";
  /** What Xero's credit-note events carry besides the id: the credit note's Type and Status. */
  data?: { Type: CreditNoteType; Status: InvoiceStatus };
}
