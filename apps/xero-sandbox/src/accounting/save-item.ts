import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Saved } from "./batch-write";
import { decimalInput, guidInput, optionalText } from "./input-fields";
import type { ItemDetails, ItemRecord, OrganisationBooks } from "./ledger-types";
import { stampUpdate } from "./stamp-update";
import { XeroNotFoundError, XeroValidationError } from "./xero-errors";

const detailsSchema = z.object({
  UnitPrice: decimalInput.optional(),
  AccountCode: optionalText(),
  TaxType: optionalText(),
});

export const itemInputSchema = z.object({
  ItemID: guidInput.optional(),
  Code: optionalText(),
  Name: optionalText(),
  Description: optionalText(4000),
  PurchaseDescription: optionalText(4000),
  IsSold: z.boolean().optional(),
  IsPurchased: z.boolean().optional(),
  SalesDetails: detailsSchema.optional(),
  PurchaseDetails: detailsSchema.optional(),
});

export type ItemInput = z.infer<typeof itemInputSchema>;

function validateDetails(books: OrganisationBooks, details: ItemDetails | undefined, messages: string[]) {
  if (
    details?.AccountCode &&
    !books.accounts.some((account) => account.Code === details.AccountCode && account.Status === "ACTIVE")
  ) {
    messages.push(`Account code '${details.AccountCode}' is not a valid code for this document.`);
  }
  if (details?.TaxType && !books.taxRates.some((rate) => rate.TaxType === details.TaxType)) {
    messages.push(
      `The TaxType code '${details.TaxType}' does not exist or cannot be used for this type of transaction.`,
    );
  }
}

function validate(books: OrganisationBooks, item: ItemRecord): void {
  const messages: string[] = [];
  if (!item.Code.trim()) messages.push("Item Code must be specified.");
  else if (item.Code.length > 30) messages.push("Item Code must not be more than 30 characters long.");
  else if (
    books.items.some((other) => other.ItemID !== item.ItemID && other.Code.toLowerCase() === item.Code.toLowerCase())
  ) {
    messages.push(`Item code '${item.Code}' already exists`);
  }
  if (item.Name && item.Name.length > 50) messages.push("Item Name must not be more than 50 characters long.");
  validateDetails(books, item.SalesDetails, messages);
  validateDetails(books, item.PurchaseDetails, messages);
  if (messages.length) throw new XeroValidationError(messages);
}

function applyInput(books: OrganisationBooks, target: ItemRecord, input: ItemInput, now: Date): ItemRecord {
  const { ItemID: _id, ...fields } = input;
  const next: ItemRecord = { ...target, UpdatedDateUTC: stampUpdate(books, now) };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  next.IsSold = input.IsSold ?? (input.SalesDetails ? true : target.IsSold);
  next.IsPurchased = input.IsPurchased ?? (input.PurchaseDetails ? true : target.IsPurchased);
  return next;
}

/** PUT /Items: creates an item; codes are unique (case-insensitively) within the organisation. */
export function createItem(books: OrganisationBooks, input: ItemInput, now = new Date()): Saved<ItemRecord> {
  const item = applyInput(
    books,
    {
      ItemID: randomUUID(),
      Code: "",
      IsSold: false,
      IsPurchased: false,
      IsTrackedAsInventory: false,
      UpdatedDateUTC: "",
    },
    input,
    now,
  );
  validate(books, item);
  books.items.push(item);
  return { record: item, changes: [] };
}

/** Finds an item by its id or its code, as GET /Items/{ItemID} allows both. */
export function findItem(books: OrganisationBooks, idOrCode: string): ItemRecord | undefined {
  return (
    books.items.find((item) => item.ItemID === idOrCode.toLowerCase()) ??
    books.items.find((item) => item.Code === idOrCode)
  );
}

/** POST /Items/{ItemID}: updates that item. */
export function updateItem(
  books: OrganisationBooks,
  idOrCode: string,
  input: ItemInput,
  now = new Date(),
): Saved<ItemRecord> {
  const existing = findItem(books, idOrCode);
  if (!existing) throw new XeroNotFoundError();
  const item = applyInput(books, existing, input, now);
  validate(books, item);
  books.items[books.items.indexOf(existing)] = item;
  return { record: item, changes: [] };
}

/** POST /Items: updates by ItemID, else by Code, else creates. */
export function upsertItem(books: OrganisationBooks, input: ItemInput, now = new Date()): Saved<ItemRecord> {
  const existing = input.ItemID ? findItem(books, input.ItemID) : input.Code ? findItem(books, input.Code) : undefined;
  if (input.ItemID && !existing)
    throw new XeroValidationError([`Item with ItemID ${input.ItemID} could not be found.`]);
  return existing ? updateItem(books, existing.ItemID, input, now) : createItem(books, input, now);
}

/**
 * DELETE /Items/{ItemID}: removes the item from the list. Xero copies an item's code and details
 * onto each invoice line when it is used, so documents that used it keep their lines.
 */
export function deleteItem(books: OrganisationBooks, itemId: string): void {
  const existing = books.items.find((item) => item.ItemID === itemId.toLowerCase());
  if (!existing) throw new XeroNotFoundError();
  books.items.splice(books.items.indexOf(existing), 1);
}
