import type { InvoiceStatus, LineAmountType, LineItemRecord, LineItemTrackingRecord } from "./ledger-types";

/**
 * The part of an organisation's books that holds the documents written through the shared
 * document store (document-writes.ts): bank transactions, quotes, purchase orders and manual
 * journals, which Xero pushes no webhooks for (a flow can only poll them), and credit notes, which
 * it does. Stored in Xero's wire shape, like the rest of the books.
 */

/** The contact as a document carries it. */
export interface DocumentContact {
  ContactID: string;
  Name: string;
}

/** What bank transactions, quotes and purchase orders hold alike. */
export interface LineItemDocumentParts {
  Contact: DocumentContact;
  Date: string;
  LineItems: LineItemRecord[];
  SubTotal: number;
  TotalTax: number;
  Total: number;
  CurrencyCode: string;
  CurrencyRate: number;
}

export type BankTransactionType = "RECEIVE" | "SPEND";
export type BankTransactionStatus = "AUTHORISED" | "DELETED";

export interface BankTransactionRecord extends LineItemDocumentParts {
  BankTransactionID: string;
  Type: BankTransactionType;
  BankAccount: { AccountID: string; Code: string; Name: string };
  IsReconciled: boolean;
  Reference?: string;
  Url?: string;
  Status: BankTransactionStatus;
  LineAmountTypes: LineAmountType;
  HasAttachments: boolean;
  UpdatedDateUTC: string;
}

export type QuoteStatus = "DRAFT" | "SENT" | "ACCEPTED" | "DECLINED" | "INVOICED" | "DELETED";
/** Quotes spell their line amount types in capitals (the spec's `QuoteLineAmountTypes`). */
export type QuoteLineAmountType = "EXCLUSIVE" | "INCLUSIVE" | "NOTAX";

export interface QuoteRecord extends LineItemDocumentParts {
  QuoteID: string;
  QuoteNumber: string;
  Reference?: string;
  Terms?: string;
  Title?: string;
  Summary?: string;
  DateString: string;
  ExpiryDate?: string;
  ExpiryDateString?: string;
  Status: QuoteStatus;
  LineAmountTypes: QuoteLineAmountType;
  TotalDiscount: number;
  UpdatedDateUTC: string;
}

export type PurchaseOrderStatus = "DRAFT" | "SUBMITTED" | "AUTHORISED" | "BILLED" | "DELETED";

export interface PurchaseOrderRecord extends LineItemDocumentParts {
  PurchaseOrderID: string;
  PurchaseOrderNumber: string;
  Reference?: string;
  DeliveryDate?: string;
  ExpectedArrivalDate?: string;
  DeliveryAddress?: string;
  AttentionTo?: string;
  Telephone?: string;
  DeliveryInstructions?: string;
  Status: PurchaseOrderStatus;
  LineAmountTypes: LineAmountType;
  TotalDiscount: number;
  HasAttachments: boolean;
  UpdatedDateUTC: string;
}

export type ManualJournalStatus = "DRAFT" | "POSTED" | "DELETED" | "VOIDED";

export interface ManualJournalLineRecord {
  Description?: string;
  LineAmount: number;
  AccountCode?: string;
  AccountID?: string;
  TaxType: string;
  TaxAmount: number;
  Tracking: LineItemTrackingRecord[];
  IsBlank: boolean;
}

export interface ManualJournalRecord {
  ManualJournalID: string;
  Narration: string;
  JournalLines: ManualJournalLineRecord[];
  Date: string;
  LineAmountTypes: LineAmountType;
  Status: ManualJournalStatus;
  Url?: string;
  ShowOnCashBasisReports: boolean;
  HasAttachments: boolean;
  UpdatedDateUTC: string;
}

export type CreditNoteType = "ACCRECCREDIT" | "ACCPAYCREDIT";

export interface CreditNoteRecord extends LineItemDocumentParts {
  CreditNoteID: string;
  Type: CreditNoteType;
  /** `CN-0001`… for sales credit notes; a purchase credit note keeps the supplier's, or "". */
  CreditNoteNumber: string;
  Reference?: string;
  DueDate?: string;
  /** Invoices' statuses and moves; PAID comes with allocations, which the sandbox does not make. */
  Status: InvoiceStatus;
  LineAmountTypes: LineAmountType;
  /** The credit not yet allocated to invoices or refunded: all of it, as the sandbox does neither. */
  RemainingCredit: number;
  Allocations: [];
  Payments: [];
  HasAttachments: boolean;
  UpdatedDateUTC: string;
}

export interface DocumentBooks {
  bankTransactions: BankTransactionRecord[];
  quotes: QuoteRecord[];
  purchaseOrders: PurchaseOrderRecord[];
  manualJournals: ManualJournalRecord[];
  creditNotes: CreditNoteRecord[];
  /** The next number `QU-0001`… a quote gets when none is given. */
  nextQuoteNumber: number;
  /** The next number `PO-0001`… a purchase order gets when none is given. */
  nextPurchaseOrderNumber: number;
  /** The next number `CN-0001`… a sales credit note gets when none is given. */
  nextCreditNoteNumber: number;
}

/**
 * Document lists of their own: copied from `books` (for a ledger draft: records are shared, lists
 * are not), or empty for a seed and for books saved before the sandbox kept these documents.
 */
export function documentBooks(books: Partial<DocumentBooks> = {}): DocumentBooks {
  return {
    bankTransactions: [...(books.bankTransactions ?? [])],
    quotes: [...(books.quotes ?? [])],
    purchaseOrders: [...(books.purchaseOrders ?? [])],
    manualJournals: [...(books.manualJournals ?? [])],
    creditNotes: [...(books.creditNotes ?? [])],
    nextQuoteNumber: books.nextQuoteNumber ?? 1,
    nextPurchaseOrderNumber: books.nextPurchaseOrderNumber ?? 1,
    nextCreditNoteNumber: books.nextCreditNoteNumber ?? 1,
  };
}
