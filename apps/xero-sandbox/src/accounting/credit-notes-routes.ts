import type { AccountingRoute } from "./accounting-route";
import { documentRoutes } from "./document-routes";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import { LINE_ITEM_DOCUMENT_FIELDS } from "./line-item-document";
import { creditNoteInputSchema, creditNoteKind } from "./save-credit-note";

// Credit notes are transactions, as invoices are: the same classic and granular scopes reach them.
export const creditNotesRoutes: AccountingRoute[] = documentRoutes({
  url: "/CreditNotes",
  typeName: "CreditNote",
  kind: creditNoteKind,
  schema: creditNoteInputSchema,
  scopes: { read: ENDPOINT_SCOPES.invoicesRead, write: ENDPOINT_SCOPES.invoicesWrite },
  fields: [...LINE_ITEM_DOCUMENT_FIELDS, "CreditNoteID", "CreditNoteNumber", "Type", "DueDate", "RemainingCredit"],
  pagination: true,
});
