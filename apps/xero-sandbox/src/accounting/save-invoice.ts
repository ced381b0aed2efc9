import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Change, Saved } from "./batch-write";
import { decimalInput, guidInput, optionalText } from "./input-fields";
import { documentTotals, roundMoney } from "./invoice-totals";
import type { InvoiceRecord, InvoiceStatus, OrganisationBooks } from "./ledger-types";
import { type LineItemInput, lineItemInputSchema, resolveLineItems } from "./resolve-line-items";
import { resolveInvoiceContact } from "./save-contact";
import { stampUpdate } from "./stamp-update";
import { parseDocumentDate, todayMsDate } from "./xero-dates";
import { XeroNotFoundError, XeroValidationError } from "./xero-errors";

const dateInput = z.union([z.string(), z.null()]).optional();

export const invoiceInputSchema = z.object({
  InvoiceID: guidInput.optional(),
  Type: z.string().optional(),
  Contact: z
    .object({ ContactID: guidInput.optional(), Name: optionalText(), ContactNumber: optionalText() })
    .optional(),
  LineItems: z.array(lineItemInputSchema).optional(),
  Date: dateInput,
  DueDate: dateInput,
  LineAmountTypes: z.enum(["Exclusive", "Inclusive", "NoTax"]).optional(),
  InvoiceNumber: optionalText(255),
  Reference: optionalText(255),
  CurrencyCode: optionalText(),
  CurrencyRate: decimalInput.optional(),
  Status: z.enum(["DRAFT", "SUBMITTED", "AUTHORISED", "PAID", "DELETED", "VOIDED"]).optional(),
});

export type InvoiceInput = z.infer<typeof invoiceInputSchema>;

export interface InvoiceWriteOptions {
  now?: Date;
  /** Xero's `unitdp` query: unit amounts keep 4 decimals when it is 4, else they are rounded to 2. */
  unitDecimals?: 2 | 4;
}

const CREATE_STATUSES: InvoiceStatus[] = ["DRAFT", "SUBMITTED", "AUTHORISED"];
/** Which status each status may move to through an update. */
const NEXT_STATUSES: Record<InvoiceStatus, InvoiceStatus[]> = {
  DRAFT: ["DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"],
  SUBMITTED: ["DRAFT", "SUBMITTED", "AUTHORISED", "DELETED"],
  AUTHORISED: ["AUTHORISED", "VOIDED"],
  PAID: ["PAID"],
  DELETED: [],
  VOIDED: [],
};

function nextInvoiceNumber(books: OrganisationBooks): string {
  let number: string;
  do {
    number = `INV-${String(books.nextInvoiceNumber++).padStart(4, "0")}`;
  } while (books.invoices.some((invoice) => invoice.Type === "ACCREC" && invoice.InvoiceNumber === number));
  return number;
}

function optionalDate(value: string | null | undefined, field: string): string | undefined {
  return value ? parseDocumentDate(value, field) : undefined;
}

/**
 * Builds the invoice `input` describes on top of `existing` (an update) or from nothing (a
 * create), validating everything first so a rejected invoice changes nothing.
 */
function buildInvoice(
  books: OrganisationBooks,
  input: InvoiceInput,
  existing: InvoiceRecord | undefined,
  { now = new Date(), unitDecimals = 2 }: InvoiceWriteOptions,
): Saved<InvoiceRecord> {
  const messages: string[] = [];
  const changes: Change[] = [];
  const type = (input.Type ?? existing?.Type) as InvoiceRecord["Type"] | undefined;
  if (!type) throw new XeroValidationError(["Invoice Type must be specified."]);
  if (type !== "ACCREC" && type !== "ACCPAY") {
    throw new XeroValidationError([`Invoice Type '${type}' is not supported; use ACCREC or ACCPAY.`]);
  }
  if (existing && existing.Type !== type) messages.push("The Type of an existing invoice cannot be changed.");

  const status = input.Status ?? existing?.Status ?? "DRAFT";
  if (!existing && !CREATE_STATUSES.includes(status))
    messages.push(`Invoice Status '${status}' is not valid for creation.`);
  if (existing && !NEXT_STATUSES[existing.Status].includes(status)) {
    messages.push(
      existing.Status === "PAID" || existing.AmountPaid > 0
        ? "This document cannot be edited as it has a payment or credit note allocated to it."
        : `Invoice of status '${existing.Status}' cannot be changed to '${status}'.`,
    );
  }
  // Xero voids or deletes no document with money paid against it: its payments are deleted first.
  if (existing && existing.AmountPaid > 0 && (status === "VOIDED" || status === "DELETED")) {
    messages.push("This document cannot be edited as it has a payment or credit note allocated to it.");
  }
  if (existing && existing.AmountPaid > 0 && input.LineItems) {
    messages.push("This document cannot be edited as it has a payment or credit note allocated to it.");
  }

  const contact = input.Contact || !existing ? resolveInvoiceContact(books, input.Contact, now) : undefined;
  if (contact) changes.push(...contact.changes);

  const amountType = input.LineAmountTypes ?? existing?.LineAmountTypes ?? "Exclusive";
  const requireAccount = status === "SUBMITTED" || status === "AUTHORISED";
  const lineInputs: LineItemInput[] | undefined =
    input.LineItems ?? (input.LineAmountTypes ? existing?.LineItems : undefined);
  const lineItems = lineInputs
    ? resolveLineItems(books, lineInputs, { type, amountType, requireAccount, unitDecimals }, messages)
    : (existing?.LineItems ?? []);
  if (!lineInputs && requireAccount && lineItems.some((line) => !line.AccountCode)) {
    messages.push("Account code must be specified for all line items on an approved document.");
  }

  const currencyCode = input.CurrencyCode ?? existing?.CurrencyCode ?? books.organisation.BaseCurrency;
  if (!books.currencies.some((currency) => currency.Code === currencyCode)) {
    messages.push(`The currency code '${currencyCode}' is not valid for this organisation.`);
  }

  let invoiceNumber = input.InvoiceNumber ?? existing?.InvoiceNumber ?? "";
  if (
    type === "ACCREC" &&
    invoiceNumber &&
    books.invoices.some(
      (other) =>
        other.Type === "ACCREC" && other.InvoiceNumber === invoiceNumber && other.InvoiceID !== existing?.InvoiceID,
    )
  ) {
    messages.push("Invoice # must be unique.");
  }

  let date = existing?.Date ?? todayMsDate(now);
  let dueDate = existing?.DueDate;
  try {
    date = optionalDate(input.Date, "Date") ?? date;
    dueDate = optionalDate(input.DueDate, "DueDate") ?? dueDate;
  } catch (error) {
    if (!(error instanceof XeroValidationError)) throw error;
    messages.push(...error.messages);
  }
  if (messages.length) throw new XeroValidationError([...new Set(messages)]);

  if (type === "ACCREC" && !invoiceNumber) invoiceNumber = nextInvoiceNumber(books);
  const totals = documentTotals(lineItems, amountType);
  const amountPaid = existing?.AmountPaid ?? 0;
  const contactRecord = contact?.record ?? existing!.Contact;
  const invoice: InvoiceRecord = {
    InvoiceID: existing?.InvoiceID ?? randomUUID(),
    Type: type,
    InvoiceNumber: invoiceNumber,
    Contact: { ContactID: contactRecord.ContactID, Name: contactRecord.Name },
    Date: date,
    Status: status,
    LineAmountTypes: amountType,
    LineItems: lineItems,
    ...totals,
    AmountDue: roundMoney(totals.Total - amountPaid),
    AmountPaid: amountPaid,
    AmountCredited: 0,
    CurrencyCode: currencyCode,
    CurrencyRate: input.CurrencyRate ?? existing?.CurrencyRate ?? 1,
    Payments: existing?.Payments ?? [],
    HasAttachments: false,
    IsDiscounted: lineItems.some((line) => (line.DiscountRate ?? 0) > 0),
    UpdatedDateUTC: stampUpdate(books, now),
  };
  const reference = input.Reference ?? existing?.Reference;
  if (reference !== undefined) invoice.Reference = reference;
  if (dueDate) invoice.DueDate = dueDate;
  if (existing?.FullyPaidOnDate) invoice.FullyPaidOnDate = existing.FullyPaidOnDate;

  // Records are replaced, never changed in place: the ledger's draft shares them with the live books.
  const customerIndex = books.contacts.findIndex((candidate) => candidate.ContactID === invoice.Contact.ContactID);
  const customer = books.contacts[customerIndex];
  if (customer) {
    books.contacts[customerIndex] =
      type === "ACCREC" ? { ...customer, IsCustomer: true } : { ...customer, IsSupplier: true };
  }

  changes.push({ resource: "INVOICE", resourceId: invoice.InvoiceID, eventType: existing ? "UPDATE" : "CREATE" });
  return { record: invoice, changes };
}

function store(books: OrganisationBooks, saved: Saved<InvoiceRecord>): Saved<InvoiceRecord> {
  const index = books.invoices.findIndex((invoice) => invoice.InvoiceID === saved.record.InvoiceID);
  if (index >= 0) books.invoices[index] = saved.record;
  else books.invoices.push(saved.record);
  return saved;
}

/** Finds an invoice by its id or, as Xero's GET /Invoices/{id} also allows, by its number. */
export function findInvoice(books: OrganisationBooks, idOrNumber: string): InvoiceRecord | undefined {
  const key = idOrNumber.toLowerCase();
  return (
    books.invoices.find((invoice) => invoice.InvoiceID === key) ??
    books.invoices.find((invoice) => invoice.InvoiceNumber !== "" && invoice.InvoiceNumber === idOrNumber)
  );
}

/** PUT /Invoices: create only. */
export function createInvoice(
  books: OrganisationBooks,
  input: InvoiceInput,
  options: InvoiceWriteOptions = {},
): Saved<InvoiceRecord> {
  return store(books, buildInvoice(books, { ...input, InvoiceID: undefined }, undefined, options));
}

/** POST /Invoices/{InvoiceID}: update that invoice. */
export function updateInvoice(
  books: OrganisationBooks,
  idOrNumber: string,
  input: InvoiceInput,
  options: InvoiceWriteOptions = {},
): Saved<InvoiceRecord> {
  const existing = findInvoice(books, idOrNumber);
  if (!existing) throw new XeroNotFoundError();
  return store(books, buildInvoice(books, input, existing, options));
}

/** POST /Invoices: update by InvoiceID, else by InvoiceNumber, else create. */
export function upsertInvoice(
  books: OrganisationBooks,
  input: InvoiceInput,
  options: InvoiceWriteOptions = {},
): Saved<InvoiceRecord> {
  if (input.InvoiceID) {
    const existing = findInvoice(books, input.InvoiceID);
    if (!existing) throw new XeroValidationError([`Invoice with InvoiceID ${input.InvoiceID} could not be found.`]);
    return store(books, buildInvoice(books, input, existing, options));
  }
  const byNumber = input.InvoiceNumber
    ? books.invoices.find(
        (invoice) => invoice.InvoiceNumber === input.InvoiceNumber && (!input.Type || invoice.Type === input.Type),
      )
    : undefined;
  return store(books, buildInvoice(books, input, byNumber, options));
}
