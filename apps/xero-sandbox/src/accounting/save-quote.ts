import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { QuoteLineAmountType, QuoteRecord, QuoteStatus } from "./document-books";
import { type DocumentNumbering, documentNumber } from "./document-numbers";
import { checkStatus, type StatusRules } from "./document-status";
import { type DocumentKind, setOptionalFields } from "./document-writes";
import { guidInput, optionalText } from "./input-fields";
import type { LineAmountType, OrganisationBooks } from "./ledger-types";
import { draftLineItemDocument, lineItemDocumentInputSchema } from "./line-item-document";
import { msDateValue, readOptionalDate, toDateString } from "./xero-dates";
import { XeroValidationError } from "./xero-errors";

export const quoteInputSchema = lineItemDocumentInputSchema.extend({
  QuoteID: guidInput.optional(),
  QuoteNumber: optionalText(255),
  Reference: optionalText(4000),
  Terms: optionalText(4000),
  Title: optionalText(100),
  Summary: optionalText(3000),
  ExpiryDate: z.unknown().optional(),
  // Quotes spell these in capitals; generated clients and hand-written bodies may not.
  LineAmountTypes: z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(["EXCLUSIVE", "INCLUSIVE", "NOTAX"]))
    .optional(),
});

export type QuoteInput = z.infer<typeof quoteInputSchema>;

const NAME = "Quote";

/**
 * A quote is drafted, sent, then accepted or declined, and an accepted one invoiced. Xero refuses
 * DRAFT → DECLINED and ACCEPTED → DECLINED; a deleted quote is final.
 */
const STATUS_RULES: StatusRules<QuoteStatus> = {
  messageName: NAME,
  initial: "DRAFT",
  create: ["DRAFT", "SENT"],
  moves: {
    DRAFT: ["DRAFT", "SENT", "DELETED"],
    SENT: ["SENT", "DRAFT", "ACCEPTED", "DECLINED", "DELETED"],
    ACCEPTED: ["ACCEPTED", "SENT", "INVOICED", "DELETED"],
    DECLINED: ["DECLINED", "SENT", "DRAFT", "DELETED"],
    INVOICED: ["INVOICED"],
    DELETED: [],
  },
};

const NUMBERING: DocumentNumbering<QuoteRecord> = {
  records: (books) => books.quotes,
  idOf: (quote) => quote.QuoteID,
  numberOf: (quote) => quote.QuoteNumber,
  counter: "nextQuoteNumber",
  prefix: "QU",
  duplicate: "Quote number must be unique.",
};

const AMOUNT_TYPES: Record<QuoteLineAmountType, LineAmountType> = {
  EXCLUSIVE: "Exclusive",
  INCLUSIVE: "Inclusive",
  NOTAX: "NoTax",
};

function buildQuote(books: OrganisationBooks, input: QuoteInput, existing: QuoteRecord | undefined) {
  const messages: string[] = [];
  const status = checkStatus(STATUS_RULES, existing?.Status, input.Status, messages);

  const lineAmountTypes = input.LineAmountTypes ?? existing?.LineAmountTypes ?? "EXCLUSIVE";
  const draft = draftLineItemDocument(
    books,
    input,
    existing,
    {
      itemDetails: "ACCREC",
      amountType: AMOUNT_TYPES[lineAmountTypes],
      requireAccount: false,
      // Xero keeps a quote's unit amounts to four decimals.
      unitDecimals: 4,
    },
    messages,
  );
  const expiryDate = readOptionalDate(input.ExpiryDate, "ExpiryDate", messages) ?? existing?.ExpiryDate;
  if (expiryDate && msDateValue(expiryDate) < msDateValue(draft.Date)) {
    messages.push("ExpiryDate cannot be earlier than the quote Date.");
  }
  const quoteNumber = documentNumber(NUMBERING, books, input.QuoteNumber ?? existing?.QuoteNumber, existing, messages);
  if (messages.length || !status) throw new XeroValidationError([...new Set(messages)]);

  const shared = draft.finish();
  const record: Omit<QuoteRecord, "UpdatedDateUTC"> = {
    QuoteID: existing?.QuoteID ?? randomUUID(),
    QuoteNumber: quoteNumber(),
    ...shared.record,
    DateString: toDateString(draft.Date),
    Status: status,
    LineAmountTypes: lineAmountTypes,
    TotalDiscount: draft.TotalDiscount,
  };
  if (expiryDate) {
    record.ExpiryDate = expiryDate;
    record.ExpiryDateString = toDateString(expiryDate);
  }
  setOptionalFields(record, input, existing, ["Reference", "Terms", "Title", "Summary"]);
  return { record, changes: shared.changes };
}

/** Sales quotes, numbered QU-0001… unless a number is given. */
export const quoteKind: DocumentKind<QuoteInput, QuoteRecord> = {
  messageName: NAME,
  idField: "QuoteID",
  records: (books) => books.quotes,
  build: buildQuote,
};
