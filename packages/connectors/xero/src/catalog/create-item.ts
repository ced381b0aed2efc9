import { field, fieldSpecs } from "@ledgerflow/engine";
import type { Item, Purchase } from "xero-node";
import { callXero } from "../call-xero";
import { defineXeroAction } from "../xero-action-definition";
import { savedRecord, type XeroRecord } from "../xero-records";
import { sampleItem } from "./output-samples";
import { itemTestRecord } from "./test-records";

const fields = {
  Code: field.text({
    label: "Item code",
    required: true,
    maxLength: 30,
    help: "Your unique code for the product or service (up to 30 characters), e.g. CONSULT-HR.",
  }),
  Name: field.text({ label: "Item name", maxLength: 50, help: "Short name shown in Xero (up to 50 characters)." }),
  Description: field.longText({ label: "Sales description", help: "Default description on invoice lines." }),
  SalesUnitPrice: field.number({ label: "Sale price", help: "Default unit price on invoices." }),
  SalesAccountCode: field.select({
    label: "Sales account",
    help: "Default revenue account when the item is sold.",
    options: { loader: "xero.accounts.revenue" },
  }),
  SalesTaxType: field.select({ label: "Sales tax rate", options: { loader: "xero.taxRates.sales" } }),
  PurchaseDescription: field.longText({ label: "Purchase description", help: "Default description on bills." }),
  PurchaseUnitPrice: field.number({ label: "Cost price", help: "Default unit price on bills." }),
  PurchaseAccountCode: field.select({
    label: "Purchase account",
    help: "Default expense account when the item is bought.",
    options: { loader: "xero.accounts.expense" },
  }),
  PurchaseTaxType: field.select({ label: "Purchase tax rate", options: { loader: "xero.taxRates.purchases" } }),
};

const specs = fieldSpecs(fields);

/** Xero keeps sale and purchase defaults in `SalesDetails` / `PurchaseDetails`; send them only when set. */
function tradeDetails(unitPrice?: number, accountCode?: string, taxType?: string): Purchase | undefined {
  if (unitPrice === undefined && !accountCode && !taxType) return undefined;
  return { unitPrice, accountCode, taxType };
}

export const createItem = defineXeroAction({
  key: "xero.createItem",
  kind: "action",
  group: "Items",
  title: "Create item",
  writes: { noun: "item", verb: "creates", nameField: "Code" },
  test: { record: itemTestRecord },
  description: "Adds a product or service to Xero's items list; returns its ItemID and Code.",
  fields,
  outputSample: sampleItem,
  scopes: { classic: ["accounting.settings"], granular: ["accounting.settings"] },
  async run(ctx, input): Promise<XeroRecord> {
    const item: Item = {
      code: input.Code,
      name: input.Name,
      description: input.Description,
      purchaseDescription: input.PurchaseDescription,
      salesDetails: tradeDetails(input.SalesUnitPrice, input.SalesAccountCode, input.SalesTaxType),
      purchaseDetails: tradeDetails(input.PurchaseUnitPrice, input.PurchaseAccountCode, input.PurchaseTaxType),
    };
    const body = await callXero(
      ctx.client,
      (accounting) => accounting.createItems(ctx.client.tenantId, { items: [item] }, true, 4, ctx.idempotencyKey),
      { operation: "create the item", signal: ctx.signal, fields: specs },
    );
    return savedRecord(body, "Items", { operation: "create the item", fields: specs });
  },
});
