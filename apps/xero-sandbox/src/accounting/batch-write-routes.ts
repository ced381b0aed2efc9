import type { z } from "zod";
import type { AccountingCall, AccountingRoute } from "./accounting-route";
import { batchElements, type Saved, writeBatch } from "./batch-write";
import type { OrganisationBooks } from "./ledger-types";
import { writeAnswer } from "./write-answer";

type Save<I, R> = (books: OrganisationBooks, input: I, call: AccountingCall) => Saved<R>;

interface BatchWriteRoutes<I, R> {
  /** The collection path, e.g. `/Contacts`; also the body's wrapper key without the slash. */
  url: `/${string}`;
  scopes: readonly string[];
  schema: z.ZodType<I>;
  failed: (input: object, messages: string[]) => object;
  /** PUT: every element is new. */
  create: Save<I, R>;
  /** POST: an element naming an existing record updates it, any other is created. */
  upsert: Save<I, R>;
}

/**
 * Xero's pair of collection writes (PUT creates, POST creates or updates), which differ only in
 * how one element is saved: the batch parsing, `summarizeErrors` and the answer are the same.
 */
export function batchWriteRoutes<I, R>(options: BatchWriteRoutes<I, R>): AccountingRoute[] {
  const key = options.url.slice(1);
  const route = (method: "PUT" | "POST", save: Save<I, R>): AccountingRoute => ({
    method,
    url: options.url,
    scopes: options.scopes,
    handle: (call) =>
      writeAnswer(
        writeBatch(call.ledger, call.tenantId, batchElements(call.body, key), {
          schema: options.schema,
          save: (books, input) => save(books, input, call),
          failed: options.failed,
          summarizeErrors: call.summarizeErrors,
        }),
        key,
      ),
  });
  return [route("PUT", options.create), route("POST", options.upsert)];
}
