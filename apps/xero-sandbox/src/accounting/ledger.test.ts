import { describe, expect, it } from "vitest";
import { createLedger, Ledger } from "./ledger";
import type { LedgerChange } from "./ledger-types";
import { createContact } from "./save-contact";
import { createInvoice } from "./save-invoice";

function nzTenant(ledger: Ledger): string {
  return ledger.organisations().find((organisation) => organisation.name === "Demo Company (NZ)")!.tenantId;
}

describe("Ledger", () => {
  it("seeds two organisations with different base currencies and stable ids", () => {
    const ledger = createLedger();
    const organisations = ledger.organisations();
    expect(organisations.map((organisation) => organisation.name)).toEqual([
      "Demo Company (NZ)",
      "Harbour Books Ltd (UK)",
    ]);
    expect(organisations.every((organisation) => organisation.tenantType === "ORGANISATION")).toBe(true);
    expect(createLedger().organisations()).toEqual(organisations);
    const currencies = organisations.map(
      (organisation) => ledger.books(organisation.tenantId)!.organisation.BaseCurrency,
    );
    expect(currencies).toEqual(["NZD", "GBP"]);
    const books = ledger.books(organisations[0]!.tenantId)!;
    expect(books.accounts.some((account) => account.Type === "BANK")).toBe(true);
    expect(books.accounts.some((account) => account.Type !== "BANK" && account.EnablePaymentsToAccount)).toBe(true);
  });

  it("seeds numbered copies beyond the two demo companies, each its own tenant that resets to its seed", () => {
    const ledger = createLedger(4);
    const organisations = ledger.organisations();
    expect(organisations.map((organisation) => organisation.name)).toEqual([
      "Demo Company (NZ)",
      "Harbour Books Ltd (UK)",
      "Demo Company (NZ) 3",
      "Harbour Books Ltd (UK) 4",
    ]);
    expect(new Set(organisations.map((organisation) => organisation.tenantId)).size).toBe(4);
    expect(organisations.slice(0, 2)).toEqual(createLedger().organisations());
    const copy = organisations[2]!.tenantId;
    ledger.write(copy, (books) => ({
      commit: true,
      result: createContact(books, { Name: "Only in the copy" }),
      changes: [],
    }));
    expect(ledger.resetTenant(copy)).toBe(true);
    expect(ledger.books(copy)).toEqual(createLedger(4).books(copy));
  });

  it("tells listeners about created and updated contacts and invoices, only for kept writes", () => {
    const ledger = createLedger();
    const tenantId = nzTenant(ledger);
    const events: LedgerChange[] = [];
    ledger.onChange((event) => events.push(event));

    const invoice = ledger.write(tenantId, (books) => {
      const saved = createInvoice(books, { Type: "ACCREC", Contact: { Name: "Event Co" } });
      return { commit: true, result: saved.record, changes: saved.changes };
    });
    expect(events).toEqual([
      { tenantId, resource: "CONTACT", resourceId: invoice.Contact.ContactID, eventType: "CREATE" },
      { tenantId, resource: "INVOICE", resourceId: invoice.InvoiceID, eventType: "CREATE" },
    ]);

    ledger.write(tenantId, (books) => {
      const saved = createContact(books, { Name: "Discarded" });
      return { commit: false, result: saved.record, changes: saved.changes };
    });
    expect(events).toHaveLength(2);
    expect(ledger.books(tenantId)!.contacts.some((contact) => contact.Name === "Discarded")).toBe(false);
  });

  it("round-trips through toJSON / fromJSON and resets a tenant to its seed", () => {
    const ledger = createLedger();
    const tenantId = nzTenant(ledger);
    ledger.write(tenantId, (books) => ({
      commit: true,
      result: createContact(books, { Name: "Persisted" }),
      changes: [],
    }));

    const restored = Ledger.fromJSON(JSON.parse(JSON.stringify(ledger.toJSON())));
    expect(restored.organisations()).toEqual(ledger.organisations());
    expect(restored.books(tenantId)).toEqual(ledger.books(tenantId));

    expect(restored.resetTenant(tenantId)).toBe(true);
    expect(restored.books(tenantId)).toEqual(createLedger().books(tenantId));
    expect(restored.resetTenant("not-a-tenant")).toBe(false);
    expect(() => Ledger.fromJSON({ version: 2 })).toThrow();
  });
});
