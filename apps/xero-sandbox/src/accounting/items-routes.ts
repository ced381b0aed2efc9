import type { AccountingRoute } from "./accounting-route";
import { batchWriteRoutes, failedElement, writeRoute } from "./batch-write-routes";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import { answerList } from "./list-query";
import { createItem, deleteItem, findItem, itemInputSchema, updateItem, upsertItem } from "./save-item";
import { XeroNotFoundError } from "./xero-errors";

const ITEM_FIELDS = ["ItemID", "Code", "Name", "Description", "IsSold", "IsPurchased", "UpdatedDateUTC"];

const failedItem = failedElement();

export const itemsRoutes: AccountingRoute[] = [
  {
    method: "GET",
    url: "/Items",
    scopes: ENDPOINT_SCOPES.settingsRead,
    // Xero pages no item list: `page` is not a parameter of GET /Items.
    handle: (call) => answerList(call, call.books.items, { key: "Items", typeName: "Item", fields: ITEM_FIELDS }),
  },
  {
    method: "GET",
    url: "/Items/:ItemID",
    scopes: ENDPOINT_SCOPES.settingsRead,
    handle: ({ books, params }) => {
      const item = findItem(books, params.ItemID!);
      if (!item) throw new XeroNotFoundError();
      return { status: 200, body: { Items: [item] } };
    },
  },
  ...batchWriteRoutes({
    url: "/Items",
    scopes: ENDPOINT_SCOPES.settingsWrite,
    schema: itemInputSchema,
    failed: failedItem,
    create: (books, input) => createItem(books, input),
    upsert: (books, input) => upsertItem(books, input),
  }),
  writeRoute({
    method: "POST",
    url: "/Items/:ItemID",
    scopes: ENDPOINT_SCOPES.settingsWrite,
    key: "Items",
    elements: "first",
    schema: itemInputSchema,
    failed: failedItem,
    save: (books, input, { params }) => updateItem(books, params.ItemID!, input),
  }),
  {
    method: "DELETE",
    url: "/Items/:ItemID",
    scopes: ENDPOINT_SCOPES.settingsWrite,
    // Xero answers 204 with no body.
    handle: ({ ledger, tenantId, params }) => {
      ledger.write(tenantId, (draft) => {
        deleteItem(draft, params.ItemID!);
        return { commit: true, result: undefined, changes: [] };
      });
      return { status: 204, body: undefined };
    },
  },
];
