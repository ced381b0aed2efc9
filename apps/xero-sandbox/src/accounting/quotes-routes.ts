import type { AccountingRoute } from "./accounting-route";
import { documentRoutes } from "./document-routes";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import { LINE_ITEM_DOCUMENT_FIELDS } from "./line-item-document";
import { quoteInputSchema, quoteKind } from "./save-quote";

export const quotesRoutes: AccountingRoute[] = documentRoutes({
  url: "/Quotes",
  typeName: "Quote",
  kind: quoteKind,
  schema: quoteInputSchema,
  scopes: { read: ENDPOINT_SCOPES.invoicesRead, write: ENDPOINT_SCOPES.invoicesWrite },
  fields: [...LINE_ITEM_DOCUMENT_FIELDS, "QuoteID", "QuoteNumber", "Title", "ExpiryDate"],
  filters: ["Status", "ContactID", "QuoteNumber", "DateFrom", "DateTo", "ExpiryDateFrom", "ExpiryDateTo"],
  // Xero pages quotes 100 at a time but its Quotes schema has no pagination object.
  pagination: false,
});
