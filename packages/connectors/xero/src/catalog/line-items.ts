import { field, type InputOf } from "@ledgerflow/engine";
import type { LineItem, LineItemTracking } from "xero-node";
import { accountReference } from "./account-reference";

/** Sales (invoice) lines and purchase (bill) lines differ in the accounts and taxes they offer. */
export type LineSide = "sales" | "purchases";

/** Xero allows two active tracking categories, so a line can carry two category/option pairs. */
function trackingFields<const S extends 1 | 2>(slot: S) {
  const category = `TrackingCategory${slot}` as const;
  const fields = {
    [category]: field.select({
      label: `Tracking category ${slot}`,
      help: "A tracking category such as Region or Department, to report on this line by it.",
      options: { loader: "xero.trackingCategories" },
    }),
    [`TrackingOption${slot}`]: field.select({
      label: `Tracking option ${slot}`,
      help: "The option of that category this line belongs to, e.g. North.",
      options: { loader: "xero.trackingOptions", dependsOn: [category] },
    }),
  };
  // Computed keys widen to `string`; these two are the slot's own names.
  return fields as Record<`TrackingCategory${S}` | `TrackingOption${S}`, (typeof fields)[string]>;
}

function commonLineFields(side: LineSide) {
  return {
    Description: field.longText({
      label: "Description",
      help: "What was sold or bought. Required unless an item code fills it in.",
    }),
    Quantity: field.number({ label: "Quantity", help: "Defaults to 1 when empty.", placeholder: "1" }),
    UnitAmount: field.number({
      label: side === "sales" ? "Unit price" : "Unit cost",
      help: "Price of one unit, up to 4 decimal places.",
    }),
    AccountCode: field.select({
      label: "Account",
      help:
        side === "sales"
          ? "The revenue account this line is recorded in, e.g. 200 Sales."
          : "The expense account this line is recorded in, e.g. 400 Advertising.",
      options: { loader: side === "sales" ? "xero.accounts.revenue" : "xero.accounts.expense" },
    }),
    TaxType: field.select({
      label: "Tax rate",
      help: "Leave empty to use the account's default tax rate.",
      options: { loader: side === "sales" ? "xero.taxRates.sales" : "xero.taxRates.purchases" },
    }),
    ItemCode: field.select({
      label: "Item",
      help: "A product or service from your Xero items list; its saved description, price and account are used where this line leaves them empty.",
      options: { loader: "xero.items" },
    }),
    ...trackingFields(1),
    ...trackingFields(2),
  };
}

/** Discounts only on sales lines: Xero supports them on sales invoices only. */
const discountRate = field.number({
  label: "Discount %",
  help: "Percentage taken off this line, e.g. 10 for 10%. Xero supports discounts on sales invoices only.",
});

export function lineItemFields(side: LineSide): ReturnType<typeof commonLineFields> & {
  DiscountRate?: typeof discountRate;
} {
  return side === "sales" ? { ...commonLineFields(side), DiscountRate: discountRate } : commonLineFields(side);
}

type LineItemInput = InputOf<ReturnType<typeof lineItemFields>>;

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
