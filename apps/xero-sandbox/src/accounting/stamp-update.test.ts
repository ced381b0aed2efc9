import { describe, expect, it } from "vitest";
import { createLedger } from "./ledger";
import { createContact, updateContact } from "./save-contact";
import { createInvoice } from "./save-invoice";
import { msDateValue } from "./xero-dates";

describe("stampUpdate", () => {
  it("gives changes made in the same millisecond strictly later UpdatedDateUTCs, across record kinds", () => {
    const ledger = createLedger();
    const tenantId = ledger.organisations()[0]!.tenantId;
    const now = new Date(Date.UTC(2025, 11, 2, 9, 30));
    const stamps = ledger.write(tenantId, (books) => {
      const contact = createContact(books, { Name: "Same instant" }, now).record;
      const updated = updateContact(books, contact.ContactID, { EmailAddress: "same@instant.example" }, now).record;
      const invoice = createInvoice(books, { Type: "ACCREC", Contact: { ContactID: contact.ContactID } }, { now });
      const result = [contact, updated, invoice.record].map((record) => msDateValue(record.UpdatedDateUTC));
      return { commit: true, result, changes: [] };
    });
    expect(stamps).toEqual([now.getTime(), now.getTime() + 1, now.getTime() + 2]);
  });

  it("follows the clock when it is ahead of the last stamp, and survives a rejected write unchanged", () => {
    const ledger = createLedger();
    const tenantId = ledger.organisations()[0]!.tenantId;
    const stampAt = (now: Date, commit: boolean) =>
      ledger.write(tenantId, (books) => {
        const contact = createContact(books, { Name: `At ${now.getTime()} ${commit}` }, now).record;
        return { commit, result: msDateValue(contact.UpdatedDateUTC), changes: [] };
      });
    const later = new Date(Date.UTC(2025, 11, 2, 10));
    expect(stampAt(later, false)).toBe(later.getTime());
    expect(stampAt(later, true)).toBe(later.getTime());
    expect(stampAt(new Date(later.getTime() - 5_000), true)).toBe(later.getTime() + 1);
  });
});
