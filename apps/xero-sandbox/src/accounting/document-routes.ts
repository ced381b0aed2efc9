import type { z } from "zod";
import type { AccountingAnswer, AccountingCall, AccountingRoute } from "./accounting-route";
import { validationErrors } from "./batch-write";
import { batchWriteRoutes, writeRoute } from "./batch-write-routes";
import { type DocumentFilter, filterDocuments } from "./document-filters";
import { type DocumentKind, documentWrites, findDocument } from "./document-writes";
import { answerList } from "./list-query";
import { XeroNotFoundError } from "./xero-errors";

interface DocumentRoutes<I extends object, R extends { UpdatedDateUTC: string }> {
  /** The collection path, e.g. `/Quotes`; also the wrapper key of bodies and answers. */
  url: `/${string}`;
  /** The type name Xero's query errors mention, e.g. `Quote`. */
  typeName: string;
  kind: DocumentKind<I, R>;
  schema: z.ZodType<I>;
  scopes: { read: readonly string[]; write: readonly string[] };
  /** Paths `where` and `order` may use. */
  fields: readonly string[];
  /** The list's own query filters beside `where`, `IDs`, `order` and `page` (e.g. `Status`, `DateFrom`). */
  filters?: readonly DocumentFilter[];
  /** Whether a paged list answers with `pagination` (the Quotes schema has none). */
  pagination: boolean;
}

/** A failed element: the input echoed with Xero's `StatusAttributeString` and its `ValidationErrors`. */
function failedDocument(input: object, messages: string[]): object {
  return { ...input, StatusAttributeString: "ERROR", ValidationErrors: validationErrors(messages) };
}

/**
 * GET list: the one place a document list is answered (its filters, then If-Modified-Since,
 * where, IDs, order and page as Xero applies them).
 */
function listDocuments<I extends object, R extends { UpdatedDateUTC: string }>(
  routes: DocumentRoutes<I, R>,
  call: AccountingCall,
): AccountingAnswer {
  return answerList(call, routes.kind.records(call.books), {
    key: routes.url.slice(1),
    typeName: routes.typeName,
    fields: routes.fields,
    idField: routes.kind.idField,
    paged: true,
    pagination: routes.pagination,
    narrow: (records) => filterDocuments(records, call.query, routes.filters ?? []),
  });
}

/**
 * Xero's five routes for a document: GET the list, GET one (`/{id}`), PUT (create), POST
 * (create or update by id) and POST `/{id}` (update), every write through `writeBatch`.
 */
export function documentRoutes<I extends object, R extends { UpdatedDateUTC: string }>(
  routes: DocumentRoutes<I, R>,
): AccountingRoute[] {
  const key = routes.url.slice(1);
  const idParam = routes.kind.idField;
  const writes = documentWrites(routes.kind);
  return [
    { method: "GET", url: routes.url, scopes: routes.scopes.read, handle: (call) => listDocuments(routes, call) },
    {
      method: "GET",
      url: `${routes.url}/:${idParam}`,
      scopes: routes.scopes.read,
      handle: ({ books, params }) => {
        const record = findDocument(routes.kind, books, params[idParam]!);
        if (!record) throw new XeroNotFoundError();
        return { status: 200, body: { [key]: [record] } };
      },
    },
    ...batchWriteRoutes({
      url: routes.url,
      scopes: routes.scopes.write,
      schema: routes.schema,
      failed: failedDocument,
      create: writes.create,
      upsert: writes.upsert,
    }),
    writeRoute({
      method: "POST",
      url: `${routes.url}/:${idParam}`,
      scopes: routes.scopes.write,
      key,
      elements: "first",
      schema: routes.schema,
      failed: failedDocument,
      save: (books, input, call) => writes.update(books, call.params[idParam]!, input, call),
    }),
  ];
}
