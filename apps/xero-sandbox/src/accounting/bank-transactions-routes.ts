import type { AccountingRoute } from "./accounting-route";
import { documentRoutes } from "./document-routes";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import { LINE_ITEM_DOCUMENT_FIELDS } from "./line-item-document";
import { bankTransactionInputSchema, bankTransactionKind } from "./save-bank-transaction";

export const bankTransactionsRoutes: AccountingRoute[] = documentRoutes({
  url: "/BankTransactions",
  typeName: "BankTransaction",
  kind: bankTransactionKind,
  schema: bankTransactionInputSchema,
  scopes: { read: ENDPOINT_SCOPES.bankTransactionsRead, write: ENDPOINT_SCOPES.bankTransactionsWrite },
  fields: [
    ...LINE_ITEM_DOCUMENT_FIELDS,
    "BankTransactionID",
    "Type",
    "IsReconciled",
    "BankAccount.AccountID",
    "BankAccount.Code",
  ],
  pagination: true,
});
