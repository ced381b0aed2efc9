import { z } from "zod";
import type { Saved } from "./batch-write";
import type { LineItemDocumentParts } from "./document-books";
import { decimalInput, guidInput, optionalText } from "./input-fields";
import { documentTotals, roundMoney } from "./invoice-totals";
import type { InvoiceType, LineAmountType, LineItemRecord, OrganisationBooks } from "./ledger-types";
import { type LineItemInput, lineItemInputSchema, resolveLineItems } from "./resolve-line-items";
import { resolveInvoiceContact } from "./save-contact";
import { readOptionalDate, todayMsDate } from "./xero-dates";

/** The fields bank transactions, quotes and purchase orders share; each resource extends it. */
export const lineItemDocumentInputSchema = z.object({
  Contact: z
    .object({ ContactID: guidInput.optional(), Name: optionalText(), ContactNumber: optionalText() })
    .optional(),
  LineItems: z.array(lineItemInputSchema).optional(),
  Date: z.unknown().optional(),
  LineAmountTypes: z.enum(["Exclusive", "Inclusive", "NoTax"]).optional(),
  Reference: optionalText(255),
  CurrencyCode: optionalText(),
  CurrencyRate: decimalInput.optional(),
  Status: optionalText(),
});

/** Quotes spell their line amount types their own way, so the shared part reads them as text. */
export type LineItemDocumentInput = Omit<z.infer<typeof lineItemDocumentInputSchema>, "LineAmountTypes"> & {
  LineAmountTypes?: string;
};

export interface LineItemDocumentContext {
  /** Whose item details fill a line: the sales ones (ACCREC) or the purchase ones (ACCPAY). */
  itemDetails: InvoiceType;
  amountType: LineAmountType;
  requireAccount: boolean;
  unitDecimals: 2 | 4;
  /** The currency when neither the input nor the existing record names one (default: the base currency). */
  defaultCurrency?: string;
}

/** The shared fields, validated but for the contact. */
export interface LineItemDocumentDraft extends Omit<LineItemDocumentParts, "Contact"> {
  /** What the discounts took off the lines (quotes and purchase orders report it). */
  TotalDiscount: number;
  /**
   * The shared fields with the contact found or, for a new name, created (its change included):
   * call only once the whole document is valid.
   */
  finish: () => Saved<LineItemDocumentParts>;
}

/** The paths `where` and `order` may use on every line-item document (each resource adds its own). */
export const LINE_ITEM_DOCUMENT_FIELDS = [
  "Status",
  "Reference",
  "Date",
  "CurrencyCode",
  "SubTotal",
  "TotalTax",
  "Total",
  "UpdatedDateUTC",
  "Contact.ContactID",
  "Contact.Name",
] as const;

const CONTACT_REQUIRED =
  "The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber";

/** What the discounts took off the lines, as Xero's TotalDiscount reports it. */
function totalDiscount(lines: LineItemRecord[]): number {
  return roundMoney(
    lines.reduce((sum, line) => sum + roundMoney(line.Quantity * line.UnitAmount) - line.LineAmount, 0),
  );
}

/**
 * Works out the fields every line-item document shares from `input` over `existing`: contact,
 * date, line items (with item defaults, accounts, tax and tracking), totals and currency.
 * Validation messages are added to `messages`; the caller throws once it has checked its own.
 */
export function draftLineItemDocument(
  books: OrganisationBooks,
  input: LineItemDocumentInput,
  existing: LineItemDocumentParts | undefined,
  context: LineItemDocumentContext,
  messages: string[],
): LineItemDocumentDraft {
  const reference = input.Contact;
  const identified = Boolean(reference?.ContactID || reference?.ContactNumber || reference?.Name?.trim());
  if (!identified && (reference || !existing)) messages.push(CONTACT_REQUIRED);

  const lineInputs: LineItemInput[] | undefined =
    // A new amount type works the kept lines out again.
    input.LineItems ?? (input.LineAmountTypes !== undefined ? existing?.LineItems : undefined);
  const lineItems = lineInputs
    ? resolveLineItems(
        books,
        lineInputs,
        {
          type: context.itemDetails,
          amountType: context.amountType,
          requireAccount: context.requireAccount,
          unitDecimals: context.unitDecimals,
        },
        messages,
      )
    : (existing?.LineItems ?? []);
  if (!lineInputs && context.requireAccount && lineItems.some((line) => !line.AccountCode)) {
    messages.push("Account code must be specified for all line items on an approved document.");
  }

  const currencyCode =
    input.CurrencyCode ?? existing?.CurrencyCode ?? context.defaultCurrency ?? books.organisation.BaseCurrency;
  if (!books.currencies.some((currency) => currency.Code === currencyCode)) {
    messages.push(`The currency code '${currencyCode}' is not valid for this organisation.`);
  }

  const date = readOptionalDate(input.Date, "Date", messages) ?? existing?.Date ?? todayMsDate();
  const fields: Omit<LineItemDocumentParts, "Contact"> = {
    Date: date,
    LineItems: lineItems,
    ...documentTotals(lineItems, context.amountType),
    CurrencyCode: currencyCode,
    CurrencyRate: input.CurrencyRate ?? existing?.CurrencyRate ?? 1,
  };
  return {
    ...fields,
    TotalDiscount: totalDiscount(lineItems),
    finish: () => {
      if (!identified && existing) return { record: { Contact: existing.Contact, ...fields }, changes: [] };
      const { record, changes } = resolveInvoiceContact(books, reference, new Date());
      return { record: { Contact: { ContactID: record.ContactID, Name: record.Name }, ...fields }, changes };
    },
  };
}
