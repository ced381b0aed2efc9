import type { z } from "zod";
import type { Ledger } from "./ledger";
import type { LedgerChange, OrganisationBooks } from "./ledger-types";
import { XeroRequestError, XeroValidationError } from "./xero-errors";

export type Change = Omit<LedgerChange, "tenantId">;

/** What saving one element produced. */
export interface Saved<R> {
  record: R;
  changes: Change[];
}

export type BatchOutcome<R> = { status: 200; records: (R | object)[] } | { status: 400; elements: object[] };

interface BatchOptions<I, R> {
  schema: z.ZodType<I>;
  save: (books: OrganisationBooks, input: I) => Saved<R>;
  /** The element Xero returns for a failed input: the input echoed with its validation errors. */
  failed: (input: object, messages: string[]) => object;
  /** Xero's summarizeErrors: true (the default) answers 400 and saves nothing when any element fails. */
  summarizeErrors: boolean;
}

/** Reads one element with its zod schema; failures become Xero validation messages naming the field. */
export function parseElement<I>(schema: z.ZodType<I>, raw: unknown): I {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new XeroValidationError(
    parsed.error.issues.map((issue) => `${issue.path.join(".") || "Element"}: ${issue.message}`),
  );
}

/** Saves a batch of elements into one tenant's books as Xero does, honouring `summarizeErrors`. */
export function writeBatch<I, R>(ledger: Ledger, tenantId: string, inputs: unknown[], options: BatchOptions<I, R>) {
  return ledger.write<BatchOutcome<R>>(tenantId, (books) => {
    const records: (R | object)[] = [];
    const failures: object[] = [];
    const changes: Change[] = [];
    for (const raw of inputs) {
      let input: I | undefined;
      try {
        input = parseElement(options.schema, raw);
        const saved = options.save(books, input);
        records.push(saved.record);
        changes.push(...saved.changes);
      } catch (error) {
        if (!(error instanceof XeroValidationError)) throw error;
        const echoed = (input ?? (typeof raw === "object" && raw !== null ? raw : {})) as object;
        const element = options.failed(echoed, error.messages);
        records.push(element);
        failures.push(element);
      }
    }
    if (failures.length > 0 && options.summarizeErrors) {
      return { commit: false, result: { status: 400, elements: failures }, changes: [] };
    }
    return { commit: true, result: { status: 200, records }, changes };
  });
}

/** The array a batch write body carries under `key` (e.g. `Contacts`); a missing one is Xero's 400. */
export function batchElements(body: unknown, key: string): unknown[] {
  if (body && typeof body === "object") {
    const value = (body as Record<string, unknown>)[key];
    if (Array.isArray(value)) return value;
    // Xero also takes a single object in place of the wrapper.
    if (value === undefined && Object.keys(body).length > 0) return [body];
  }
  throw new XeroRequestError(`The request body must contain ${key}.`);
}

/** Turns `{ ValidationErrors }` messages into the spec's `ValidationError[]`. */
export function validationErrors(messages: string[]) {
  return messages.map((Message) => ({ Message }));
}
