import type { AccountingRoute } from "./accounting-route";
import { documentRoutes } from "./document-routes";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import { manualJournalInputSchema, manualJournalKind } from "./save-manual-journal";

export const manualJournalsRoutes: AccountingRoute[] = documentRoutes({
  url: "/ManualJournals",
  typeName: "ManualJournal",
  kind: manualJournalKind,
  schema: manualJournalInputSchema,
  scopes: { read: ENDPOINT_SCOPES.manualJournalsRead, write: ENDPOINT_SCOPES.manualJournalsWrite },
  fields: [
    "ManualJournalID",
    "Narration",
    "Status",
    "Date",
    "LineAmountTypes",
    "ShowOnCashBasisReports",
    "UpdatedDateUTC",
  ],
  pagination: true,
});
