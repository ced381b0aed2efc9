import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AccountingCall } from "./accounting-route";
import type { BankTransactionRecord, BankTransactionStatus, BankTransactionType } from "./document-books";
import { checkStatus, type StatusRules } from "./document-status";
import { type DocumentKind, setOptionalFields } from "./document-writes";
import { guidInput, optionalText } from "./input-fields";
import type { AccountRecord, OrganisationBooks } from "./ledger-types";
import { draftLineItemDocument, lineItemDocumentInputSchema } from "./line-item-document";
import { XeroValidationError } from "./xero-errors";

export const bankTransactionInputSchema = lineItemDocumentInputSchema.extend({
  BankTransactionID: guidInput.optional(),
  Type: optionalText(),
  BankAccount: z.object({ AccountID: guidInput.optional(), Code: optionalText() }).optional(),
  IsReconciled: z.boolean().optional(),
  Url: optionalText(),
});

export type BankTransactionInput = z.infer<typeof bankTransactionInputSchema>;

const NAME = "Bank Transaction";

/** Spend and receive money are kept; deleting one is final. */
const STATUS_RULES: StatusRules<BankTransactionStatus> = {
  messageName: NAME,
  initial: "AUTHORISED",
  create: ["AUTHORISED"],
  moves: { AUTHORISED: ["AUTHORISED", "DELETED"], DELETED: [] },
};

/**
 * The types Xero lists that the sandbox does not keep: overpayments and prepayments become
 * records of their own in Xero (with allocations), and transfers are made through BankTransfers.
 */
const REFUSED_TYPES: Record<string, string> = {
  "RECEIVE-OVERPAYMENT": "overpayments",
  "SPEND-OVERPAYMENT": "overpayments",
  "RECEIVE-PREPAYMENT": "prepayments",
  "SPEND-PREPAYMENT": "prepayments",
  "RECEIVE-TRANSFER": "transfers",
  "SPEND-TRANSFER": "transfers",
};

/** Once reconciled with a bank statement, only these may change. */
const EDITABLE_WHEN_RECONCILED = new Set(["BankTransactionID", "IsReconciled", "Reference", "Url"]);

function readType(input: BankTransactionInput, existing: BankTransactionRecord | undefined): BankTransactionType {
  const type = input.Type ?? existing?.Type;
  if (!type) throw new XeroValidationError([`${NAME} Type must be specified.`]);
  const refused = REFUSED_TYPES[type];
  if (refused) {
    throw new XeroValidationError([`${NAME} Type '${type}' is not supported: the sandbox keeps no ${refused}.`]);
  }
  if (type !== "RECEIVE" && type !== "SPEND") {
    throw new XeroValidationError([`${NAME} Type '${type}' is not valid; use RECEIVE or SPEND.`]);
  }
  if (existing && existing.Type !== type)
    throw new XeroValidationError([`The Type of an existing ${NAME} cannot be changed.`]);
  return type;
}

/** The organisation's active BANK account the input names (by AccountID, else Code), or the existing one. */
function readBankAccount(
  books: OrganisationBooks,
  input: BankTransactionInput,
  existing: BankTransactionRecord | undefined,
  messages: string[],
): AccountRecord | undefined {
  const reference = input.BankAccount;
  if (!reference?.AccountID && !reference?.Code) {
    if (existing) return books.accounts.find((account) => account.AccountID === existing.BankAccount.AccountID);
    messages.push("A BankAccount must be specified by AccountID or Code.");
    return undefined;
  }
  const account = books.accounts.find((candidate) =>
    reference.AccountID ? candidate.AccountID === reference.AccountID : candidate.Code === reference.Code,
  );
  if (account?.Type !== "BANK" || account.Status !== "ACTIVE") {
    messages.push(
      `The BankAccount '${reference.AccountID ?? reference.Code}' is not a bank account of this organisation.`,
    );
    return undefined;
  }
  return account;
}

function buildBankTransaction(
  books: OrganisationBooks,
  input: BankTransactionInput,
  existing: BankTransactionRecord | undefined,
  call: AccountingCall,
) {
  const type = readType(input, existing);
  const messages: string[] = [];
  if (existing?.IsReconciled) {
    const changed = Object.entries(input).some(
      ([field, value]) => value !== undefined && !EDITABLE_WHEN_RECONCILED.has(field),
    );
    if (changed || input.IsReconciled === false) {
      messages.push("This Bank Transaction cannot be edited as it has been reconciled with a Bank Statement.");
    }
  }
  const status = checkStatus(STATUS_RULES, existing?.Status, input.Status, messages);

  const bankAccount = readBankAccount(books, input, existing, messages);
  const bankCurrency = bankAccount?.CurrencyCode ?? books.organisation.BaseCurrency;
  const amountType = input.LineAmountTypes ?? existing?.LineAmountTypes ?? "Exclusive";
  const draft = draftLineItemDocument(
    books,
    input,
    existing,
    {
      itemDetails: type === "RECEIVE" ? "ACCREC" : "ACCPAY",
      amountType,
      requireAccount: true,
      unitDecimals: String(call.query.unitdp) === "4" ? 4 : 2,
      defaultCurrency: bankCurrency,
    },
    messages,
  );
  if (draft.LineItems.length === 0) messages.push(`A ${NAME} must have at least one line item.`);
  if (bankAccount && draft.CurrencyCode !== bankCurrency) {
    messages.push(`The currency of a ${NAME} must be its bank account's currency (${bankCurrency}).`);
  }
  if (messages.length || !bankAccount || !status) throw new XeroValidationError([...new Set(messages)]);

  const shared = draft.finish();
  const record: Omit<BankTransactionRecord, "UpdatedDateUTC"> = {
    BankTransactionID: existing?.BankTransactionID ?? randomUUID(),
    Type: type,
    BankAccount: { AccountID: bankAccount.AccountID, Code: bankAccount.Code, Name: bankAccount.Name },
    IsReconciled: input.IsReconciled ?? existing?.IsReconciled ?? false,
    Status: status,
    LineAmountTypes: amountType,
    ...shared.record,
    HasAttachments: false,
  };
  setOptionalFields(record, input, existing, ["Reference", "Url"]);
  return { record, changes: shared.changes };
}

/** Spend and receive money: the bank account, the contact, and line items with account codes and tax. */
export const bankTransactionKind: DocumentKind<BankTransactionInput, BankTransactionRecord> = {
  messageName: NAME,
  idField: "BankTransactionID",
  records: (books) => books.bankTransactions,
  build: buildBankTransaction,
};
