import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ManualJournalLineRecord, ManualJournalRecord, ManualJournalStatus } from "./document-books";
import { checkStatus, type StatusRules } from "./document-status";
import { type DocumentKind, setOptionalFields } from "./document-writes";
import { decimalInput, guidInput, optionalText } from "./input-fields";
import { roundMoney } from "./invoice-totals";
import type { LineAmountType, OrganisationBooks } from "./ledger-types";
import { lineItemInputSchema, resolveLineItems } from "./resolve-line-items";
import { readOptionalDate, todayMsDate } from "./xero-dates";
import { XeroValidationError } from "./xero-errors";

const journalLineInputSchema = lineItemInputSchema
  .pick({ Description: true, AccountCode: true, AccountID: true, TaxType: true, Tracking: true })
  .extend({ LineAmount: decimalInput });

export const manualJournalInputSchema = z.object({
  ManualJournalID: guidInput.optional(),
  Narration: optionalText(),
  JournalLines: z.array(journalLineInputSchema).optional(),
  Date: z.unknown().optional(),
  LineAmountTypes: z.enum(["Exclusive", "Inclusive", "NoTax"]).optional(),
  Status: optionalText(),
  Url: optionalText(),
  ShowOnCashBasisReports: z.boolean().optional(),
});

export type ManualJournalInput = z.infer<typeof manualJournalInputSchema>;
type JournalLineInput = z.infer<typeof journalLineInputSchema>;

const NAME = "Manual Journal";

/** A draft is posted or deleted; a posted journal can still be edited, or voided; both ends are final. */
const STATUS_RULES: StatusRules<ManualJournalStatus> = {
  messageName: NAME,
  initial: "DRAFT",
  create: ["DRAFT", "POSTED"],
  moves: {
    DRAFT: ["DRAFT", "POSTED", "DELETED"],
    POSTED: ["POSTED", "VOIDED"],
    DELETED: [],
    VOIDED: [],
  },
};

/**
 * Journal lines through the same account, tax and tracking rules as line items: a line is one
 * unit of its LineAmount (positive a debit, negative a credit), tax inside or on top of it.
 */
function resolveJournalLines(
  books: OrganisationBooks,
  inputs: JournalLineInput[],
  amountType: LineAmountType,
  requireAccount: boolean,
  messages: string[],
): ManualJournalLineRecord[] {
  const lines = resolveLineItems(
    books,
    inputs.map(({ LineAmount, ...line }) => ({ ...line, Quantity: 1, UnitAmount: LineAmount })),
    { type: "ACCREC", amountType, requireAccount, unitDecimals: 2 },
    messages,
  );
  return lines.map((line) => {
    const journalLine: ManualJournalLineRecord = {
      LineAmount: line.LineAmount,
      TaxType: line.TaxType,
      TaxAmount: line.TaxAmount,
      Tracking: line.Tracking,
      IsBlank: false,
    };
    if (line.Description !== undefined) journalLine.Description = line.Description;
    if (line.AccountCode !== undefined) journalLine.AccountCode = line.AccountCode;
    if (line.AccountID !== undefined) journalLine.AccountID = line.AccountID;
    return journalLine;
  });
}

/** Xero's check that debits (positive, with any tax put on top) and credits (negative) cancel out. */
function balanceProblem(lines: ManualJournalLineRecord[], amountType: LineAmountType): string | undefined {
  const gross = lines.map((line) => (amountType === "Exclusive" ? line.LineAmount + line.TaxAmount : line.LineAmount));
  const debits = roundMoney(gross.filter((amount) => amount > 0).reduce((sum, amount) => sum + amount, 0));
  const credits = roundMoney(gross.filter((amount) => amount < 0).reduce((sum, amount) => sum + amount, 0));
  if (roundMoney(debits + credits) === 0) return undefined;
  return `The total debits (${debits.toFixed(2)}) must equal total credits (${credits.toFixed(2)})`;
}

function buildManualJournal(
  books: OrganisationBooks,
  input: ManualJournalInput,
  existing: ManualJournalRecord | undefined,
) {
  const messages: string[] = [];
  const status = checkStatus(STATUS_RULES, existing?.Status, input.Status, messages);

  const narration = (input.Narration ?? existing?.Narration ?? "").trim();
  if (!narration) messages.push("Narration cannot be empty.");

  // A manual journal's lines carry no tax unless it says otherwise.
  const amountType = input.LineAmountTypes ?? existing?.LineAmountTypes ?? "NoTax";
  const requireAccount = status === "POSTED";
  // Kept lines are checked again too: posting a draft needs every line's account.
  const lines = resolveJournalLines(
    books,
    input.JournalLines ?? existing?.JournalLines ?? [],
    amountType,
    requireAccount,
    messages,
  );
  if (lines.length < 2) {
    messages.push("The JournalLines element must contain at least two individual JournalLine sub-elements");
  } else {
    const problem = balanceProblem(lines, amountType);
    if (problem) messages.push(problem);
  }
  const date = readOptionalDate(input.Date, "Date", messages) ?? existing?.Date ?? todayMsDate();
  if (messages.length || !status) throw new XeroValidationError([...new Set(messages)]);

  const record: Omit<ManualJournalRecord, "UpdatedDateUTC"> = {
    ManualJournalID: existing?.ManualJournalID ?? randomUUID(),
    Narration: narration,
    JournalLines: lines,
    Date: date,
    LineAmountTypes: amountType,
    Status: status,
    ShowOnCashBasisReports: input.ShowOnCashBasisReports ?? existing?.ShowOnCashBasisReports ?? true,
    HasAttachments: false,
  };
  setOptionalFields(record, input, existing, ["Url"]);
  return { record, changes: [] };
}

/** Manual journals: balanced lines straight to the accounts. */
export const manualJournalKind: DocumentKind<ManualJournalInput, ManualJournalRecord> = {
  messageName: NAME,
  idField: "ManualJournalID",
  records: (books) => books.manualJournals,
  build: buildManualJournal,
};
