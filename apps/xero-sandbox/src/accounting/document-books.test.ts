import { describe, expect, it } from "vitest";
import { documentBooks } from "./document-books";
import { createLedger, Ledger } from "./ledger";

describe("document books", () => {
  it("gives books saved before the sandbox kept documents empty lists and fresh numbering", () => {
    const saved = createLedger().toJSON();
    for (const books of Object.values(saved.tenants)) {
      const legacy = books as unknown as Record<string, unknown>;
      for (const key of Object.keys(documentBooks())) delete legacy[key];
    }
    const restored = Ledger.fromJSON(JSON.parse(JSON.stringify(saved)));
    const tenantId = restored.organisations()[0]!.tenantId;
    expect(restored.books(tenantId)).toMatchObject({
      bankTransactions: [],
      quotes: [],
      purchaseOrders: [],
      manualJournals: [],
      creditNotes: [],
      nextQuoteNumber: 1,
      nextPurchaseOrderNumber: 1,
      nextCreditNoteNumber: 1,
    });
    expect(restored.books(tenantId)).toEqual(createLedger().books(tenantId));
  });

  it("copies the lists, not the records, so a discarded draft leaves the books as they were", () => {
    const ledger = createLedger();
    const tenantId = ledger.organisations()[0]!.tenantId;
    const live = ledger.books(tenantId)!;
    ledger.write(tenantId, (draft) => {
      draft.quotes.push({ QuoteID: "discarded" } as never);
      draft.nextQuoteNumber = 7;
      return { commit: false, result: undefined, changes: [] };
    });
    expect(ledger.books(tenantId)).toBe(live);
    expect(live.quotes).toEqual([]);
    expect(live.nextQuoteNumber).toBe(1);
  });
});
