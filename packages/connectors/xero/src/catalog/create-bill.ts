import { invoiceAction } from "./invoice-document";

export const createBill = invoiceAction("ACCPAY", {
  key: "xero.createBill",
  title: "Create bill",
  description: "Creates a supplier bill (Accounts Payable) with line items, tax and tracking.",
  scopes: { classic: ["accounting.transactions"], granular: ["accounting.invoices"] },
});
