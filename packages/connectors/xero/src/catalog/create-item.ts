import type { FieldSpec } from "@ledgerflow/engine";
import type { Item, Purchase } from "xero-node";
import { z } from "zod";
import { callXero } from "../call-xero";
import { defineXeroAction } from "../xero-action-definition";
import { savedRecord, type XeroRecord } from "../xero-records";
import { sampleItem } from "./output-samples";
import { optionalNumber, optionalText, parseStepInput, requiredText } from "./step-input";

const fields: FieldSpec[] = [
  {
    name: "Code",
    label: "Item code",
    type: "string",
    required: true,
    help: "Your unique code for the product or service (up to 30 characters), e.g. CONSULT-HR.",
  },
  { name: "Name", label: "Item name", type: "string", help: "Short name shown in Xero (up to 50 characters)." },
  { name: "Description", label: "Sales description", type: "text", help: "Default description on invoice lines." },
  { name: "SalesUnitPrice", label: "Sale price", type: "number", help: "Default unit price on invoices." },
  {
    name: "SalesAccountCode",
    label: "Sales account",
    type: "select",
    help: "Default revenue account when the item is sold.",
    options: { loader: "xero.accounts.revenue" },
  },
  {
    name: "SalesTaxType",
    label: "Sales tax rate",
    type: "select",
    options: { loader: "xero.taxRates.sales" },
  },
  { name: "PurchaseDescription", label: "Purchase description", type: "text", help: "Default description on bills." },
  { name: "PurchaseUnitPrice", label: "Cost price", type: "number", help: "Default unit price on bills." },
  {
    name: "PurchaseAccountCode",
    label: "Purchase account",
    type: "select",
    help: "Default expense account when the item is bought.",
    options: { loader: "xero.accounts.expense" },
  },
  {
    name: "PurchaseTaxType",
    label: "Purchase tax rate",
    type: "select",
    options: { loader: "xero.taxRates.purchases" },
  },
];

const inputSchema = z.object({
  Code: requiredText.pipe(z.string().max(30, "must be at most 30 characters")),
  Name: optionalText.pipe(z.string().max(50, "must be at most 50 characters").optional()),
  Description: optionalText,
  SalesUnitPrice: optionalNumber,
  SalesAccountCode: optionalText,
  SalesTaxType: optionalText,
  PurchaseDescription: optionalText,
  PurchaseUnitPrice: optionalNumber,
  PurchaseAccountCode: optionalText,
  PurchaseTaxType: optionalText,
});

/** Xero keeps sale and purchase defaults in `SalesDetails` / `PurchaseDetails`; send them only when set. */
function tradeDetails(unitPrice?: number, accountCode?: string, taxType?: string): Purchase | undefined {
  if (unitPrice === undefined && !accountCode && !taxType) return undefined;
  return { unitPrice, accountCode, taxType };
}

export const createItem = defineXeroAction<Record<string, unknown>, XeroRecord>({
  key: "xero.createItem",
  kind: "action",
  group: "Items",
  title: "Create item",
  writes: { noun: "item", verb: "creates", nameField: "Code" },
  description: "Adds a product or service to Xero's items list; returns its ItemID and Code.",
  fields,
  outputSample: sampleItem,
  scopes: { classic: ["accounting.settings"], granular: ["accounting.settings"] },
  async run(ctx, rawInput) {
    const input = parseStepInput(inputSchema, rawInput, fields);
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
      { operation: "create the item", signal: ctx.signal, fields },
    );
    return savedRecord(body, "Items", { operation: "create the item", fields });
  },
});
