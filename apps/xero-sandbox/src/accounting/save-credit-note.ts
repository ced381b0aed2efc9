import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AccountingCall } from "./accounting-route";
import type { Change } from "./batch-write";
import type { CreditNoteRecord, CreditNoteType } from "./document-books";
import { type DocumentNumbering, documentNumber } from "./document-numbers";
import { checkStatus, type StatusRules } from "./document-status";
import { type DocumentKind, setOptionalFields } from "./document-writes";
import { guidInput, optionalText } from "./input-fields";
import type { InvoiceStatus, OrganisationBooks } from "./ledger-types";
import { draftLineItemDocument, lineItemDocumentInputSchema } from "./line-item-document";
import { readOptionalDate } from "./xero-dates";
import { XeroValidationError } from "./xero-errors";

export const creditNoteInputSchema = lineItemDocumentInputSchema.extend({
  CreditNoteID: guidInput.optional(),
  Type: optionalText(),
  CreditNoteNumber: optionalText(255),
  DueDate: z.unknown().optional(),
});

export type CreditNoteInput = z.infer<typeof creditNoteInputSchema>;

const NAME = "Credit Note";

/** An invoice's statuses and moves: approved ones can only be voided; deleted and voided are final. */
const STATUS_RULES: StatusRules<InvoiceStatus> = {
  messageName: NAME,
  initial: "DRAFT",
  create: ["DRAFT", "SUBMITTED", "AUTHORISED"],
  moves: {
    DRAFT: ["DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"],
    SUBMITTED: ["SUBMITTED", "DRAFT", "AUTHORISED", "DELETED"],
    AUTHORISED: ["AUTHORISED", "VOIDED"],
    PAID: [],
    DELETED: [],
    VOIDED: [],
  },
};

/** Sales credit notes are numbered as sales invoices are; a supplier's keep the number they were given. */
const NUMBERING: DocumentNumbering<CreditNoteRecord> = {
  records: (books) => books.creditNotes.filter((note) => note.Type === "ACCRECCREDIT"),
  idOf: (note) => note.CreditNoteID,
  numberOf: (note) => note.CreditNoteNumber,
  counter: "nextCreditNoteNumber",
  prefix: "CN",
  duplicate: "Credit Note # must be unique.",
};

/** Whose item details fill a line: the sales ones for a customer's credit note. */
const ITEM_DETAILS = { ACCRECCREDIT: "ACCREC", ACCPAYCREDIT: "ACCPAY" } as const;

function readType(requested: string | undefined): CreditNoteType {
  if (!requested) throw new XeroValidationError([`${NAME} Type must be specified.`]);
  if (requested !== "ACCRECCREDIT" && requested !== "ACCPAYCREDIT") {
    throw new XeroValidationError([`${NAME} Type '${requested}' is not supported; use ACCRECCREDIT or ACCPAYCREDIT.`]);
  }
  return requested;
}

function buildCreditNote(
  books: OrganisationBooks,
  input: CreditNoteInput,
  existing: CreditNoteRecord | undefined,
  call: AccountingCall,
) {
  const messages: string[] = [];
  const type = readType(input.Type ?? existing?.Type);
  if (existing && existing.Type !== type) messages.push("The Type of an existing credit note cannot be changed.");
  const status = checkStatus(STATUS_RULES, existing?.Status, input.Status, messages);

  const amountType = input.LineAmountTypes ?? existing?.LineAmountTypes ?? "Exclusive";
  const draft = draftLineItemDocument(
    books,
    input,
    existing,
    {
      itemDetails: ITEM_DETAILS[type],
      amountType,
      requireAccount: status === "SUBMITTED" || status === "AUTHORISED",
      unitDecimals: String(call.query.unitdp) === "4" ? 4 : 2,
    },
    messages,
  );
  const dueDate = readOptionalDate(input.DueDate, "DueDate", messages) ?? existing?.DueDate;
  const requestedNumber = input.CreditNoteNumber ?? existing?.CreditNoteNumber;
  const creditNoteNumber =
    type === "ACCRECCREDIT"
      ? documentNumber(NUMBERING, books, requestedNumber, existing, messages)
      : () => requestedNumber ?? "";
  if (messages.length || !status) throw new XeroValidationError([...new Set(messages)]);

  const shared = draft.finish();
  const record: Omit<CreditNoteRecord, "UpdatedDateUTC"> = {
    CreditNoteID: existing?.CreditNoteID ?? randomUUID(),
    Type: type,
    CreditNoteNumber: creditNoteNumber(),
    ...shared.record,
    Status: status,
    LineAmountTypes: amountType,
    RemainingCredit: shared.record.Total,
    Allocations: [],
    Payments: [],
    HasAttachments: false,
  };
  if (dueDate) record.DueDate = dueDate;
  setOptionalFields(record, input, existing, ["Reference"]);
  // Xero's credit-note events carry the credit note's Type and Status.
  const own: Change = {
    resource: "CREDITNOTE",
    resourceId: record.CreditNoteID,
    eventType: existing ? "UPDATE" : "CREATE",
    data: { Type: record.Type, Status: record.Status },
  };
  return { record, changes: [...shared.changes, own] };
}

/**
 * Credit notes to customers (ACCRECCREDIT, numbered CN-0001… unless a number is given) and from
 * suppliers (ACCPAYCREDIT), with invoices' lines, totals and statuses; found by id or number.
 */
export const creditNoteKind: DocumentKind<CreditNoteInput, CreditNoteRecord> = {
  messageName: NAME,
  idField: "CreditNoteID",
  numberField: "CreditNoteNumber",
  records: (books) => books.creditNotes,
  build: buildCreditNote,
};
