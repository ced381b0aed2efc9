import type { DocumentBooks } from "./document-books";
import type { OrganisationBooks } from "./ledger-types";

/** How a kind of document is numbered: `QU-0001`… from a counter in the books, unique within the kind. */
export interface DocumentNumbering<R> {
  records: (books: OrganisationBooks) => readonly R[];
  idOf: (record: R) => string;
  numberOf: (record: R) => string;
  counter: keyof Pick<DocumentBooks, "nextQuoteNumber" | "nextPurchaseOrderNumber" | "nextCreditNoteNumber">;
  prefix: string;
  /** Xero's message for a number another record has. */
  duplicate: string;
}

/**
 * Checks the number a document asks for (`requested`, its own on an update) against the others,
 * adding Xero's message to `messages` when taken; returns what assigns the number once the
 * document is valid: the requested one, or the next free one from the counter.
 */
export function documentNumber<R>(
  numbering: DocumentNumbering<R>,
  books: OrganisationBooks,
  requested: string | undefined,
  existing: R | undefined,
  messages: string[],
): () => string {
  const ownId = existing ? numbering.idOf(existing) : undefined;
  const taken = (number: string) =>
    numbering
      .records(books)
      .some((record) => numbering.numberOf(record) === number && numbering.idOf(record) !== ownId);
  if (requested && taken(requested)) messages.push(numbering.duplicate);
  return () => {
    if (requested) return requested;
    let number: string;
    do {
      number = `${numbering.prefix}-${String(books[numbering.counter]++).padStart(4, "0")}`;
    } while (taken(number));
    return number;
  };
}
