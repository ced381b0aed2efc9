import type { AccountingCall } from "./accounting-route";
import type { Saved } from "./batch-write";
import type { OrganisationBooks } from "./ledger-types";
import { stampUpdate } from "./stamp-update";
import { XeroNotFoundError, XeroValidationError } from "./xero-errors";

type Stored = { UpdatedDateUTC: string };

/**
 * One kind of document in the books (bank transactions, quotes…): where its records live, how
 * one is found, and how an input becomes a record. The writes below are the same for every kind.
 */
export interface DocumentKind<I extends object, R extends Stored> {
  /** Xero's name for one in validation messages, e.g. `Purchase Order`. */
  messageName: string;
  /** The id field, the same on the input and the record, e.g. `QuoteID`. */
  idField: keyof I & keyof R & string;
  /** A number by which `GET /{key}` also finds a record, e.g. `PurchaseOrderNumber`. */
  numberField?: keyof R & string;
  records: (books: OrganisationBooks) => R[];
  /**
   * Builds the record `input` describes over `existing` (an update) or from nothing (a create),
   * validating everything first and throwing {@link XeroValidationError} with every message, so
   * a rejected input changes nothing. The store stamps `UpdatedDateUTC`. The changes are those of
   * contacts the input created, and a credit note's own (the one kind Xero sends webhooks for).
   */
  build: (
    books: OrganisationBooks,
    input: I,
    existing: R | undefined,
    call: AccountingCall,
  ) => Saved<Omit<R, "UpdatedDateUTC">>;
}

/** Finds a record by its id or, for kinds with a `numberField`, by its number. */
export function findDocument<I extends object, R extends Stored>(
  kind: DocumentKind<I, R>,
  books: OrganisationBooks,
  key: string,
): R | undefined {
  const records = kind.records(books);
  const id = key.toLowerCase();
  const byId = records.find((record) => record[kind.idField] === id);
  if (byId || !kind.numberField) return byId;
  const numberField = kind.numberField;
  return records.find((record) => record[numberField] === key);
}

function store<I extends object, R extends Stored>(
  kind: DocumentKind<I, R>,
  books: OrganisationBooks,
  existing: R | undefined,
  built: Saved<Omit<R, "UpdatedDateUTC">>,
): Saved<R> {
  const record = { ...built.record, UpdatedDateUTC: stampUpdate(books) } as R;
  const records = kind.records(books);
  const index = existing ? records.indexOf(existing) : -1;
  if (index >= 0) records[index] = record;
  else records.push(record);
  return { record, changes: built.changes };
}

/** PUT, POST and POST /{id} of one kind: create, create-or-update by id, and update. */
export function documentWrites<I extends object, R extends Stored>(kind: DocumentKind<I, R>) {
  const build = (books: OrganisationBooks, input: I, existing: R | undefined, call: AccountingCall) =>
    store(kind, books, existing, kind.build(books, input, existing, call));
  return {
    create: (books: OrganisationBooks, input: I, call: AccountingCall) =>
      build(books, { ...input, [kind.idField]: undefined }, undefined, call),
    upsert: (books: OrganisationBooks, input: I, call: AccountingCall) => {
      const id = input[kind.idField] as string | undefined;
      if (!id) return build(books, input, undefined, call);
      const existing = kind.records(books).find((record) => record[kind.idField] === id);
      if (!existing)
        throw new XeroValidationError([`${kind.messageName} with ${kind.idField} ${id} could not be found.`]);
      return build(books, input, existing, call);
    },
    update: (books: OrganisationBooks, key: string, input: I, call: AccountingCall) => {
      const existing = findDocument(kind, books, key);
      if (!existing) throw new XeroNotFoundError();
      return build(books, input, existing, call);
    },
  };
}

/** Sets each optional field from the input, else keeps the existing record's; an absent one stays absent. */
export function setOptionalFields<R extends object, K extends keyof R>(
  record: Partial<Pick<R, K>>,
  input: { [F in K]?: R[F] },
  existing: Partial<Pick<R, K>> | undefined,
  fields: readonly K[],
): void {
  for (const field of fields) {
    const value = input[field] ?? existing?.[field];
    if (value !== undefined) record[field] = value;
  }
}
