import type { FieldSpec } from "@ledgerflow/engine";
import type { LineItem, LineItemTracking } from "xero-node";
import { z } from "zod";
import { accountReference } from "./account-reference";
import { optionalNumber, optionalText } from "./step-input";

/** Sales (invoice) lines and purchase (bill) lines differ in the accounts and taxes they offer. */
export type LineSide = "sales" | "purchases";

/** Xero allows two active tracking categories, so a line can carry two category/option pairs. */
const TRACKING_SLOTS = [1, 2] as const;

function trackingFields(slot: number): FieldSpec[] {
  const category = `TrackingCategory${slot}`;
  return [
    {
      name: category,
      label: `Tracking category ${slot}`,
      type: "select",
      help: "A tracking category such as Region or Department, to report on this line by it.",
      options: { loader: "xero.trackingCategories" },
    },
    {
      name: `TrackingOption${slot}`,
      label: `Tracking option ${slot}`,
      type: "select",
      help: "The option of that category this line belongs to, e.g. North.",
      options: { loader: "xero.trackingOptions", dependsOn: [category] },
    },
  ];
}

export function lineItemFields(side: LineSide): FieldSpec[] {
  return [
    {
      name: "Description",
      label: "Description",
      type: "text",
      help: "What was sold or bought. Required unless an item code fills it in.",
    },
    { name: "Quantity", label: "Quantity", type: "number", help: "Defaults to 1 when empty.", placeholder: "1" },
    {
      name: "UnitAmount",
      label: side === "sales" ? "Unit price" : "Unit cost",
      type: "number",
      help: "Price of one unit, up to 4 decimal places.",
    },
    {
      name: "AccountCode",
      label: "Account",
      type: "select",
      help:
        side === "sales"
          ? "The revenue account this line is recorded in, e.g. 200 Sales."
          : "The expense account this line is recorded in, e.g. 400 Advertising.",
      options: { loader: side === "sales" ? "xero.accounts.revenue" : "xero.accounts.expense" },
    },
    {
      name: "TaxType",
      label: "Tax rate",
      type: "select",
      help: "Leave empty to use the account's default tax rate.",
      options: { loader: side === "sales" ? "xero.taxRates.sales" : "xero.taxRates.purchases" },
    },
    {
      name: "ItemCode",
      label: "Item",
      type: "select",
      help: "A product or service from your Xero items list; its saved description, price and account are used where this line leaves them empty.",
      options: { loader: "xero.items" },
    },
    ...TRACKING_SLOTS.flatMap(trackingFields),
    ...(side === "sales"
      ? [
          {
            name: "DiscountRate",
            label: "Discount %",
            type: "number" as const,
            help: "Percentage taken off this line, e.g. 10 for 10%. Xero supports discounts on sales invoices only.",
          },
        ]
      : []),
  ];
}

export const lineItemSchema = z.object({
  Description: optionalText,
  Quantity: optionalNumber,
  UnitAmount: optionalNumber,
  AccountCode: optionalText,
  TaxType: optionalText,
  ItemCode: optionalText,
  TrackingCategory1: optionalText,
  TrackingOption1: optionalText,
  TrackingCategory2: optionalText,
  TrackingOption2: optionalText,
  DiscountRate: optionalNumber,
});

type LineItemInput = z.output<typeof lineItemSchema>;

/** Tracking by category and option names, which Xero resolves (and which templates map naturally). */
function trackingOf(line: LineItemInput): LineItemTracking[] | undefined {
  const pairs = [
    [line.TrackingCategory1, line.TrackingOption1],
    [line.TrackingCategory2, line.TrackingOption2],
  ] as const;
  const tracking = pairs.flatMap(([name, option]) => (name && option ? [{ name, option }] : []));
  return tracking.length > 0 ? tracking : undefined;
}

export function toXeroLineItem(line: LineItemInput): LineItem {
  const account = accountReference(line.AccountCode);
  return {
    description: line.Description,
    quantity: line.Quantity,
    unitAmount: line.UnitAmount,
    accountCode: account.code,
    accountID: account.accountID,
    taxType: line.TaxType,
    itemCode: line.ItemCode,
    discountRate: line.DiscountRate,
    tracking: trackingOf(line),
  };
}
