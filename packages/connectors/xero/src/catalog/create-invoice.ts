import { invoiceAction } from "./invoice-document";

export const createInvoice = invoiceAction("ACCREC", {
  key: "xero.createInvoice",
  title: "Create sales invoice",
  description: "Creates a sales invoice (Accounts Receivable) with line items, tax and tracking.",
  scopes: { classic: ["accounting.transactions"], granular: ["accounting.invoices"] },
});
