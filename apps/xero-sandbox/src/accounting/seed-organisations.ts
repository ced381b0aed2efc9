import { documentBooks } from "./document-books";
import type {
  AccountClass,
  AccountRecord,
  ContactRecord,
  ItemRecord,
  OrganisationBooks,
  OrganisationRecord,
  TaxRateRecord,
  TrackingCategoryRecord,
} from "./ledger-types";
import { stableId } from "./stable-id";
import { toMsDate } from "./xero-dates";

/** Seeded data is dated at a fixed instant so a reset reproduces it exactly. */
const SEEDED_AT = toMsDate(new Date(Date.UTC(2024, 0, 15, 9, 30)));

type AccountSeed = [code: string, name: string, type: string, taxType: string, extra?: Partial<AccountRecord>];
type TaxSeed = [name: string, taxType: string, rate: number, appliesTo: "revenue" | "expenses" | "both"];

export interface OrganisationSeed {
  organisation: Omit<OrganisationRecord, "OrganisationID" | "CreatedDateUTC">;
  currencies: [string, string][];
  taxRates: TaxSeed[];
  accounts: AccountSeed[];
  tracking: Record<string, string[]>;
  items: [code: string, name: string, salePrice: number, purchasePrice: number | null][];
  contacts: [name: string, email: string, firstName: string, lastName: string][];
}

const CLASS_BY_TYPE: Record<string, AccountClass> = {
  BANK: "ASSET",
  CURRENT: "ASSET",
  FIXED: "ASSET",
  INVENTORY: "ASSET",
  NONCURRENT: "ASSET",
  PREPAYMENT: "ASSET",
  CURRLIAB: "LIABILITY",
  LIABILITY: "LIABILITY",
  TERMLIAB: "LIABILITY",
  EQUITY: "EQUITY",
  DEPRECIATN: "EXPENSE",
  DIRECTCOSTS: "EXPENSE",
  EXPENSE: "EXPENSE",
  OVERHEADS: "EXPENSE",
  REVENUE: "REVENUE",
  SALES: "REVENUE",
  OTHERINCOME: "REVENUE",
};

const NZ: OrganisationSeed = {
  organisation: {
    Name: "Demo Company (NZ)",
    LegalName: "Demo Company (NZ) Limited",
    PaysTax: true,
    Version: "NZ",
    OrganisationType: "COMPANY",
    OrganisationEntityType: "COMPANY",
    BaseCurrency: "NZD",
    CountryCode: "NZ",
    IsDemoCompany: true,
    OrganisationStatus: "ACTIVE",
    TaxNumber: "101-234-567",
    FinancialYearEndDay: 31,
    FinancialYearEndMonth: 3,
    SalesTaxBasis: "INVOICE",
    SalesTaxPeriod: "TWOMONTHS",
    DefaultSalesTax: "Tax Exclusive",
    DefaultPurchasesTax: "Tax Inclusive",
    Timezone: "NEWZEALANDSTANDARDTIME",
    ShortCode: "!nZ7dQ",
    Class: "DEMO",
    Edition: "BUSINESS",
  },
  currencies: [
    ["NZD", "New Zealand Dollar"],
    ["AUD", "Australian Dollar"],
    ["USD", "United States Dollar"],
  ],
  taxRates: [
    ["GST on Income", "OUTPUT2", 15, "revenue"],
    ["GST on Expenses", "INPUT2", 15, "expenses"],
    ["GST on Imports", "GSTONIMPORTS", 0, "expenses"],
    ["Zero Rated", "ZERORATED", 0, "both"],
    ["Exempt Income", "EXEMPTOUTPUT", 0, "revenue"],
    ["No GST", "NONE", 0, "both"],
  ],
  accounts: [
    ["090", "Business Bank Account", "BANK", "NONE", { BankAccountNumber: "0102030456789", BankAccountType: "BANK" }],
    [
      "091",
      "Business Savings Account",
      "BANK",
      "NONE",
      { BankAccountNumber: "0102030456790", BankAccountType: "BANK" },
    ],
    ["200", "Sales", "REVENUE", "OUTPUT2"],
    ["260", "Other Revenue", "REVENUE", "OUTPUT2"],
    ["270", "Interest Income", "REVENUE", "NONE"],
    ["310", "Cost of Goods Sold", "DIRECTCOSTS", "INPUT2"],
    ["400", "Advertising", "OVERHEADS", "INPUT2"],
    ["404", "Bank Fees", "OVERHEADS", "NONE"],
    ["429", "General Expenses", "OVERHEADS", "INPUT2"],
    ["453", "Office Expenses", "OVERHEADS", "INPUT2"],
    ["489", "Telephone & Internet", "OVERHEADS", "INPUT2"],
    ["610", "Accounts Receivable", "CURRENT", "NONE", { SystemAccount: "DEBTORS" }],
    ["620", "Prepayments", "CURRENT", "NONE", { EnablePaymentsToAccount: true }],
    ["800", "Accounts Payable", "CURRLIAB", "NONE", { SystemAccount: "CREDITORS" }],
    ["820", "GST", "CURRLIAB", "NONE", { SystemAccount: "GST" }],
    ["880", "Owner A Drawings", "EQUITY", "NONE", { EnablePaymentsToAccount: true }],
    ["970", "Owner A Funds Introduced", "EQUITY", "NONE"],
  ],
  tracking: { Region: ["North", "South"], Department: ["Sales", "Operations", "Administration"] },
  items: [
    ["BOOK", "Fiction book", 19.95, 12],
    ["DEV-HR", "Development hour", 150, null],
    ["GB1-White", "Golf balls - white, single", 5.5, 2.75],
  ],
  contacts: [
    ["Bayside Club", "secretary@bayside.example.co.nz", "Bob", "Partridge"],
    ["Ridgeway University", "accounts@ridgeway.example.ac.nz", "Priya", "Sharma"],
    ["PowerDirect", "billing@powerdirect.example.co.nz", "Tom", "Walker"],
  ],
};

const UK: OrganisationSeed = {
  organisation: {
    Name: "Harbour Books Ltd (UK)",
    LegalName: "Harbour Books Ltd",
    PaysTax: true,
    Version: "UK",
    OrganisationType: "COMPANY",
    OrganisationEntityType: "COMPANY",
    BaseCurrency: "GBP",
    CountryCode: "GB",
    IsDemoCompany: false,
    OrganisationStatus: "ACTIVE",
    TaxNumber: "GB123456789",
    FinancialYearEndDay: 31,
    FinancialYearEndMonth: 12,
    SalesTaxBasis: "ACCRUALS",
    SalesTaxPeriod: "QUARTERLY1",
    DefaultSalesTax: "Tax Exclusive",
    DefaultPurchasesTax: "Tax Inclusive",
    Timezone: "GMTSTANDARDTIME",
    ShortCode: "!uK4hB",
    Class: "STANDARD",
    Edition: "BUSINESS",
  },
  currencies: [
    ["GBP", "British Pound"],
    ["EUR", "Euro"],
    ["USD", "United States Dollar"],
  ],
  taxRates: [
    ["20% (VAT on Income)", "OUTPUT2", 20, "revenue"],
    ["20% (VAT on Expenses)", "INPUT2", 20, "expenses"],
    ["5% (VAT on Income)", "RROUTPUT", 5, "revenue"],
    ["Zero Rated Income", "ZERORATEDOUTPUT", 0, "revenue"],
    ["Exempt Income", "EXEMPTOUTPUT", 0, "revenue"],
    ["No VAT", "NONE", 0, "both"],
  ],
  accounts: [
    [
      "090",
      "Business Current Account",
      "BANK",
      "NONE",
      { BankAccountNumber: "20325341234567", BankAccountType: "BANK" },
    ],
    ["200", "Sales", "SALES", "OUTPUT2"],
    ["260", "Other Revenue", "REVENUE", "OUTPUT2"],
    ["310", "Cost of Goods Sold", "DIRECTCOSTS", "INPUT2"],
    ["400", "Advertising & Marketing", "OVERHEADS", "INPUT2"],
    ["429", "General Expenses", "OVERHEADS", "INPUT2"],
    ["610", "Trade Debtors", "CURRENT", "NONE", { SystemAccount: "DEBTORS" }],
    ["800", "Trade Creditors", "CURRLIAB", "NONE", { SystemAccount: "CREDITORS" }],
    ["820", "VAT", "CURRLIAB", "NONE", { SystemAccount: "GST" }],
    ["880", "Drawings", "EQUITY", "NONE", { EnablePaymentsToAccount: true }],
  ],
  tracking: { Region: ["North", "South"], Department: ["Retail", "Wholesale"] },
  items: [
    ["NOVEL-PB", "Paperback novel", 8.99, 4.5],
    ["GIFT-CARD", "Gift card", 25, null],
  ],
  contacts: [
    ["Abbey Press", "orders@abbeypress.example.co.uk", "Alice", "Abbott"],
    ["Millbrook Stationers", "accounts@millbrook.example.co.uk", "Martin", "Brook"],
  ],
};

export const SEED_ORGANISATIONS: readonly OrganisationSeed[] = [NZ, UK];

/**
 * The first `count` organisations: the NZ and UK demo companies, then copies of them named
 * "Demo Company (NZ) 3", "Demo Company (UK) 4"… (each its own tenant), for multi-tenant benches.
 */
export function seedOrganisations(count: number = SEED_ORGANISATIONS.length): OrganisationSeed[] {
  return Array.from({ length: count }, (_, index) => {
    const base = SEED_ORGANISATIONS[index % SEED_ORGANISATIONS.length]!;
    if (index < SEED_ORGANISATIONS.length) return base;
    const suffix = ` ${index + 1}`;
    return {
      ...base,
      organisation: {
        ...base.organisation,
        Name: `${base.organisation.Name}${suffix}`,
        LegalName: `${base.organisation.LegalName}${suffix}`,
      },
    };
  });
}

function seedTaxRate([name, taxType, rate, appliesTo]: TaxSeed): TaxRateRecord {
  return {
    Name: name,
    TaxType: taxType,
    TaxComponents: [
      { Name: name.includes("VAT") ? "VAT" : "GST", Rate: rate, IsCompound: false, IsNonRecoverable: false },
    ],
    Status: "ACTIVE",
    CanApplyToAssets: true,
    CanApplyToEquity: true,
    CanApplyToExpenses: appliesTo !== "revenue",
    CanApplyToLiabilities: true,
    CanApplyToRevenue: appliesTo !== "expenses",
    DisplayTaxRate: rate,
    EffectiveRate: rate,
  };
}

function seedAccount(tenantId: string, [code, name, type, taxType, extra]: AccountSeed): AccountRecord {
  return {
    AccountID: stableId(tenantId, "account", code),
    Code: code,
    Name: name,
    Type: type,
    Status: "ACTIVE",
    TaxType: taxType,
    Class: CLASS_BY_TYPE[type]!,
    EnablePaymentsToAccount: false,
    ShowInExpenseClaims: CLASS_BY_TYPE[type] === "EXPENSE",
    HasAttachments: false,
    UpdatedDateUTC: SEEDED_AT,
    ...extra,
  };
}

function seedTracking(tenantId: string, name: string, options: string[]): TrackingCategoryRecord {
  return {
    TrackingCategoryID: stableId(tenantId, "tracking", name),
    Name: name,
    Status: "ACTIVE",
    Options: options.map((option) => ({
      TrackingOptionID: stableId(tenantId, "tracking", name, option),
      Name: option,
      Status: "ACTIVE",
    })),
  };
}

function seedItem(tenantId: string, [code, name, salePrice, purchasePrice]: OrganisationSeed["items"][number]) {
  const item: ItemRecord = {
    ItemID: stableId(tenantId, "item", code),
    Code: code,
    Name: name,
    Description: name,
    IsSold: true,
    IsPurchased: purchasePrice !== null,
    SalesDetails: { UnitPrice: salePrice, AccountCode: "200", TaxType: "OUTPUT2" },
    IsTrackedAsInventory: false,
    UpdatedDateUTC: SEEDED_AT,
  };
  if (purchasePrice !== null) {
    item.PurchaseDescription = name;
    item.PurchaseDetails = { UnitPrice: purchasePrice, AccountCode: "310", TaxType: "INPUT2" };
  }
  return item;
}

function seedContact(tenantId: string, [name, email, firstName, lastName]: OrganisationSeed["contacts"][number]) {
  const contact: ContactRecord = {
    ContactID: stableId(tenantId, "contact", name),
    ContactStatus: "ACTIVE",
    Name: name,
    FirstName: firstName,
    LastName: lastName,
    EmailAddress: email,
    Addresses: [{ AddressType: "POBOX" }, { AddressType: "STREET" }],
    Phones: [{ PhoneType: "DEFAULT" }, { PhoneType: "MOBILE" }],
    IsSupplier: false,
    IsCustomer: false,
    HasAttachments: false,
    UpdatedDateUTC: SEEDED_AT,
  };
  return contact;
}

/** The tenant id of a seeded organisation (stable, derived from its name). */
export function seedTenantId(seed: OrganisationSeed): string {
  return stableId("organisation", seed.organisation.Name);
}

/** A fresh copy of one seeded organisation's books. */
export function seedBooks(seed: OrganisationSeed): OrganisationBooks {
  const tenantId = seedTenantId(seed);
  return {
    organisation: { ...seed.organisation, OrganisationID: tenantId, CreatedDateUTC: SEEDED_AT },
    currencies: seed.currencies.map(([Code, Description]) => ({ Code, Description })),
    taxRates: seed.taxRates.map(seedTaxRate),
    accounts: seed.accounts.map((account) => seedAccount(tenantId, account)),
    trackingCategories: Object.entries(seed.tracking).map(([name, options]) => seedTracking(tenantId, name, options)),
    items: seed.items.map((item) => seedItem(tenantId, item)),
    contacts: seed.contacts.map((contact) => seedContact(tenantId, contact)),
    invoices: [],
    payments: [],
    nextInvoiceNumber: 1,
    ...documentBooks(),
  };
}
