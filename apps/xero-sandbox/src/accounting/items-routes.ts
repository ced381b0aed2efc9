import type { AccountingRoute } from "./accounting-route";
import { batchElements, validationErrors, writeBatch } from "./batch-write";
import { batchWriteRoutes } from "./batch-write-routes";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import { listRecords, parseListQuery } from "./list-query";
import { createItem, findItem, itemInputSchema, updateItem, upsertItem } from "./save-item";
import { writeAnswer } from "./write-answer";
import { XeroNotFoundError } from "./xero-errors";

const ITEM_FIELDS = ["ItemID", "Code", "Name", "Description", "IsSold", "IsPurchased", "UpdatedDateUTC"];

const failedItem = (input: object, messages: string[]) => ({ ...input, ValidationErrors: validationErrors(messages) });

export const itemsRoutes: AccountingRoute[] = [
  {
    method: "GET",
    url: "/Items",
    scopes: ENDPOINT_SCOPES.settingsRead,
    handle: ({ books, query }) => {
      const { items } = listRecords(books.items, parseListQuery(query), { typeName: "Item", fields: ITEM_FIELDS });
      return { status: 200, body: { Items: items } };
    },
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
  {
    method: "POST",
    url: "/Items/:ItemID",
    scopes: ENDPOINT_SCOPES.settingsWrite,
    handle: ({ ledger, tenantId, body, params }) =>
      writeAnswer(
        writeBatch(ledger, tenantId, batchElements(body, "Items").slice(0, 1), {
          schema: itemInputSchema,
          save: (books, input) => updateItem(books, params.ItemID!, input),
          failed: failedItem,
          summarizeErrors: true,
        }),
        "Items",
      ),
  },
];
