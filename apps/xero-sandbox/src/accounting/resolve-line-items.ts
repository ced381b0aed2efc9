import { randomUUID } from "node:crypto";
import { z } from "zod";
import { decimalInput, guidInput, optionalText } from "./input-fields";
import { lineTotals, roundMoney } from "./invoice-totals";
import type {
  InvoiceType,
  LineAmountType,
  LineItemRecord,
  LineItemTrackingRecord,
  OrganisationBooks,
} from "./ledger-types";

export const lineItemInputSchema = z.object({
  LineItemID: guidInput.optional(),
  Description: optionalText(4000),
  Quantity: decimalInput.optional(),
  UnitAmount: decimalInput.optional(),
  ItemCode: optionalText(),
  AccountCode: optionalText(),
  AccountID: guidInput.optional(),
  TaxType: optionalText(),
  DiscountRate: decimalInput.optional(),
  Tracking: z
    .array(
      z.object({
        TrackingCategoryID: guidInput.optional(),
        TrackingOptionID: guidInput.optional(),
        Name: optionalText(),
        Option: optionalText(),
      }),
    )
    .optional(),
});

export type LineItemInput = z.infer<typeof lineItemInputSchema>;

function resolveTracking(
  books: OrganisationBooks,
  tracking: NonNullable<LineItemInput["Tracking"]>,
  messages: string[],
): LineItemTrackingRecord[] {
  const resolved: LineItemTrackingRecord[] = [];
  for (const entry of tracking) {
    const category = books.trackingCategories.find((candidate) =>
      entry.TrackingCategoryID
        ? candidate.TrackingCategoryID === entry.TrackingCategoryID
        : candidate.Name.toLowerCase() === entry.Name?.toLowerCase(),
    );
    if (category?.Status !== "ACTIVE") {
      messages.push(`The Tracking Category '${entry.Name ?? entry.TrackingCategoryID ?? ""}' does not exist.`);
      continue;
    }
    const option = category.Options.find((candidate) =>
      entry.TrackingOptionID
        ? candidate.TrackingOptionID === entry.TrackingOptionID
        : candidate.Name.toLowerCase() === entry.Option?.toLowerCase(),
    );
    if (option?.Status !== "ACTIVE") {
      messages.push(
        `The Tracking Option '${entry.Option ?? entry.TrackingOptionID ?? ""}' does not exist for Tracking Category '${category.Name}'.`,
      );
      continue;
    }
    resolved.push({
      TrackingCategoryID: category.TrackingCategoryID,
      TrackingOptionID: option.TrackingOptionID,
      Name: category.Name,
      Option: option.Name,
    });
  }
  if (new Set(resolved.map((entry) => entry.TrackingCategoryID)).size < resolved.length) {
    messages.push("A line item can only have one option per tracking category.");
  }
  return resolved;
}

/**
 * Turns submitted line items into stored ones: fills description, price, account and tax type
 * from the item (sales details for ACCREC, purchase details for ACCPAY) when missing, takes the
 * tax type from the account by default, validates codes and tracking, and computes amounts.
 * Validation messages are collected into `messages` so one response lists them all.
 */
export function resolveLineItems(
  books: OrganisationBooks,
  inputs: LineItemInput[],
  context: { type: InvoiceType; amountType: LineAmountType; requireAccount: boolean; unitDecimals: 2 | 4 },
  messages: string[],
): LineItemRecord[] {
  return inputs.map((input) => {
    const item = input.ItemCode ? books.items.find((candidate) => candidate.Code === input.ItemCode) : undefined;
    if (input.ItemCode && !item) messages.push(`Item code '${input.ItemCode}' is not valid.`);
    const details = context.type === "ACCREC" ? item?.SalesDetails : item?.PurchaseDetails;
    const itemDescription = context.type === "ACCREC" ? item?.Description : item?.PurchaseDescription;

    const accountCode = input.AccountCode ?? (input.AccountID ? undefined : details?.AccountCode);
    const account = books.accounts.find((candidate) =>
      input.AccountID && !input.AccountCode ? candidate.AccountID === input.AccountID : candidate.Code === accountCode,
    );
    if ((accountCode || input.AccountID) && (account?.Status !== "ACTIVE" || account.Type === "BANK")) {
      messages.push(`Account code '${accountCode ?? input.AccountID}' is not a valid code for this document.`);
    } else if (!account && context.requireAccount) {
      messages.push("Account code must be specified for all line items on an approved document.");
    }

    let taxType = input.TaxType ?? details?.TaxType ?? account?.TaxType ?? "NONE";
    const taxRate = books.taxRates.find((rate) => rate.TaxType === taxType && rate.Status === "ACTIVE");
    if (!taxRate) {
      messages.push(`The TaxType code '${taxType}' does not exist or cannot be used for this type of transaction.`);
    }
    if (context.amountType === "NoTax") taxType = "NONE";

    const discountRate = input.DiscountRate;
    if (discountRate !== undefined && (discountRate < 0 || discountRate > 100)) {
      messages.push("Discount rate must be between 0 and 100.");
    }
    // Xero keeps quantities to 4 decimals and unit amounts to 2 (4 with `unitdp=4`).
    const quantity = roundMoney(input.Quantity ?? 1, 4);
    const unitAmount = roundMoney(input.UnitAmount ?? details?.UnitPrice ?? 0, context.unitDecimals);
    const totals = lineTotals(
      { Quantity: quantity, UnitAmount: unitAmount, DiscountRate: discountRate, taxRate: taxRate?.EffectiveRate ?? 0 },
      context.amountType,
    );
    const line: LineItemRecord = {
      LineItemID: input.LineItemID ?? randomUUID(),
      Description: input.Description ?? itemDescription,
      Quantity: quantity,
      UnitAmount: unitAmount,
      TaxType: taxType,
      TaxAmount: totals.TaxAmount,
      LineAmount: totals.LineAmount,
      Tracking: resolveTracking(books, input.Tracking ?? [], messages),
    };
    if (item) line.ItemCode = item.Code;
    if (account) {
      line.AccountCode = account.Code;
      line.AccountID = account.AccountID;
    }
    if (discountRate !== undefined) line.DiscountRate = discountRate;
    return line;
  });
}
