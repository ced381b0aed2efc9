import type { z } from "zod";
import type { AccountingCall, AccountingRoute } from "./accounting-route";
import { batchElements, type Saved, validationErrors, writeBatch } from "./batch-write";
import type { OrganisationBooks } from "./ledger-types";
import { writeAnswer } from "./write-answer";

type Save<I, R> = (books: OrganisationBooks, input: I, call: AccountingCall) => Saved<R>;

type Failed = (input: object, messages: string[]) => object;

/**
 * A resource's failed element: the input echoed with its `ValidationErrors`, plus the error flag
 * the resource carries in Xero's schema, if any (Invoices `HasErrors`, Contacts and Payments
 * `HasValidationErrors`).
 */
export function failedElement(flag?: "HasErrors" | "HasValidationErrors"): Failed {
  return (input, messages) => ({
    ...input,
    ...(flag ? { [flag]: true } : {}),
    ValidationErrors: validationErrors(messages),
  });
}

interface WriteRoute<I, R> {
  method: "PUT" | "POST";
  url: string;
  scopes: readonly string[];
  /** The answer's wrapper key, and the body's for `batch` and `first`, e.g. `Payments`. */
  key: string;
  /**
   * What the body holds: `batch`, elements under `key`, answered as `summarizeErrors` says;
   * `first`, the same but only the first is saved; `body`, the body is the one element. A
   * one-element write answers a failure with Xero's 400.
   */
  elements: "batch" | "first" | "body";
  schema: z.ZodType<I>;
  failed: Failed;
  save: Save<I, R>;
}

/** One write route: the body's elements saved through `writeBatch`, answered under `key`. */
export function writeRoute<I, R>(options: WriteRoute<I, R>): AccountingRoute {
  return {
    method: options.method,
    url: options.url,
    scopes: options.scopes,
    handle: (call) => {
      const elements = options.elements === "body" ? [call.body] : batchElements(call.body, options.key);
      return writeAnswer(
        writeBatch(call.ledger, call.tenantId, options.elements === "first" ? elements.slice(0, 1) : elements, {
          schema: options.schema,
          save: (books, input) => options.save(books, input, call),
          failed: options.failed,
          summarizeErrors: options.elements === "batch" ? call.summarizeErrors : true,
        }),
        options.key,
      );
    },
  };
}

interface BatchWriteRoutes<I, R> {
  /** The collection path, e.g. `/Contacts`; also the body's wrapper key without the slash. */
  url: `/${string}`;
  scopes: readonly string[];
  schema: z.ZodType<I>;
  failed: Failed;
  /** PUT: every element is new. */
  create: Save<I, R>;
  /** POST: an element naming an existing record updates it, any other is created. */
  upsert: Save<I, R>;
}

/**
 * Xero's pair of collection writes (PUT creates, POST creates or updates), which differ only in
 * how one element is saved: the batch parsing, `summarizeErrors` and the answer are the same.
 */
export function batchWriteRoutes<I, R>({ create, upsert, ...options }: BatchWriteRoutes<I, R>): AccountingRoute[] {
  const route = (method: "PUT" | "POST", save: Save<I, R>) =>
    writeRoute({ ...options, method, key: options.url.slice(1), elements: "batch", save });
  return [route("PUT", create), route("POST", upsert)];
}
