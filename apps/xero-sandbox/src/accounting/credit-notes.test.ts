import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountingApi, CreditNote, LineAmountTypes } from "xero-node";
import { type AccountingTestSandbox, startAccountingTestSandbox } from "../testing/accounting-test-sandbox";
import { elementsOf, firstElement, type WireDocument } from "../testing/wire-document";
import { validationMessages, xeroCall } from "../testing/xero-call";
import { msDateValue } from "./xero-dates";

// What credit notes do of their own; what they share with the other documents (Idempotency-Key,
// summarizeErrors, If-Modified-Since, tenants, scopes, state file) is in document-routes.test.ts.

let sandbox: AccountingTestSandbox;
let xero: AccountingApi;
let nz: string;

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;
const { TypeEnum, StatusEnum } = CreditNote;

type WireCreditNote = WireDocument & {
  CreditNoteID: string;
  CreditNoteNumber: string;
  Type: string;
  Reference?: string;
  RemainingCredit: number;
  CurrencyCode: string;
};

beforeAll(async () => {
  sandbox = await startAccountingTestSandbox();
  nz = sandbox.nzTenantId;
  xero = await sandbox.accounting();
});
afterAll(() => sandbox.close());

const creditNotesOf = (data: unknown) => elementsOf<WireCreditNote>(data, "CreditNotes");
const create = (body: CreditNote) => xeroCall("createCreditNotes", xero.createCreditNotes(nz, { creditNotes: [body] }));
const createOk = (body: CreditNote) => firstElement<WireCreditNote>(create(body), "CreditNotes");
const update = (id: string, changes: CreditNote) =>
  xeroCall("updateCreditNote", xero.updateCreditNote(nz, id, { creditNotes: [changes] }));
const sale = (fields: Partial<CreditNote> = {}): CreditNote => ({
  type: TypeEnum.ACCRECCREDIT,
  contact: { name: unique("Refunded customer") },
  ...fields,
});

describe("CreditNotes: create", () => {
  it("totals a sales credit note as an invoice, numbers it CN-0001… and leaves all of it to credit", async () => {
    const first = await createOk(
      sale({
        lineAmountTypes: LineAmountTypes.Exclusive,
        lineItems: [
          { description: "Returned", quantity: 3, unitAmount: 19.99, discountRate: 10, accountCode: "200" },
          { description: "Postage", quantity: 1, unitAmount: 0.35, accountCode: "200", taxType: "NONE" },
        ],
      }),
    );
    expect(first.LineItems.map((line) => [line.LineAmount, line.TaxAmount, line.TaxType])).toEqual([
      [53.97, 8.1, "OUTPUT2"], // 3 × 19.99 less 10% = 53.973; GST 15% of 53.97 = 8.0955
      [0.35, 0, "NONE"],
    ]);
    expect(first).toMatchObject({
      CreditNoteNumber: "CN-0001",
      Type: "ACCRECCREDIT",
      Status: "DRAFT",
      SubTotal: 54.32,
      TotalTax: 8.1,
      Total: 62.42,
      RemainingCredit: 62.42,
      CurrencyCode: "NZD",
    });
    const second = await createOk(sale({ lineItems: [{ description: "b", unitAmount: 1 }] }));
    expect(second.CreditNoteNumber).toBe("CN-0002");

    const duplicate = await create(sale({ creditNoteNumber: first.CreditNoteNumber }));
    expect(duplicate.status).toBe(400);
    expect(validationMessages(duplicate.data)).toEqual(["Credit Note # must be unique."]);
  });

  it("fills a supplier's credit note from the item's purchase details, keeping its number or none", async () => {
    const supplier = { name: unique("Book Wholesaler") };
    const numbered = await createOk({
      type: TypeEnum.ACCPAYCREDIT,
      contact: supplier,
      creditNoteNumber: "SUP-CR-7",
      date: "2024-03-01",
      lineItems: [{ itemCode: "BOOK", quantity: 2 }],
    });
    expect(numbered).toMatchObject({ Type: "ACCPAYCREDIT", CreditNoteNumber: "SUP-CR-7", Total: 27.6 });
    expect(numbered.Date).toBe(`/Date(${Date.UTC(2024, 2, 1)}+0000)/`);
    expect(numbered.LineItems[0]).toMatchObject({ UnitAmount: 12, AccountCode: "310", TaxType: "INPUT2" });
    const unnumbered = await createOk({ type: TypeEnum.ACCPAYCREDIT, contact: supplier });
    expect(unnumbered.CreditNoteNumber).toBe("");
  });

  it("refuses a missing Type, a PAID create and bad lines with Xero's messages", async () => {
    const noType = await create({ contact: { name: unique("No type") } } as CreditNote);
    expect(noType.status).toBe(400);
    expect(validationMessages(noType.data)).toEqual(["Credit Note Type must be specified."]);

    const bad = await create(
      sale({ status: StatusEnum.PAID, lineItems: [{ description: "a", unitAmount: 1, accountCode: "999" }] }),
    );
    expect(validationMessages(bad.data)).toEqual([
      "Credit Note Status 'PAID' is not valid for creation.",
      "Account code '999' is not a valid code for this document.",
    ]);
  });
});

describe("CreditNotes: update and status", () => {
  it("moves DRAFT → AUTHORISED → VOIDED and refuses going back, as Xero does", async () => {
    const note = await createOk(sale({ lineItems: [{ description: "Refund", unitAmount: 50, accountCode: "200" }] }));
    const authorised = await update(note.CreditNoteID, { status: StatusEnum.AUTHORISED });
    const [approved] = creditNotesOf(authorised.data);
    expect(approved).toMatchObject({ Status: "AUTHORISED", Total: 57.5, RemainingCredit: 57.5 });
    expect(msDateValue(approved!.UpdatedDateUTC)).toBeGreaterThan(msDateValue(note.UpdatedDateUTC));

    const back = await update(note.CreditNoteID, { status: StatusEnum.DRAFT });
    expect(back.status).toBe(400);
    expect(validationMessages(back.data)).toEqual(["Credit Note of status 'AUTHORISED' cannot be changed to 'DRAFT'."]);

    expect(creditNotesOf((await update(note.CreditNoteID, { status: StatusEnum.VOIDED })).data)[0]!.Status).toBe(
      "VOIDED",
    );
    const revived = await update(note.CreditNoteID, { status: StatusEnum.AUTHORISED });
    expect(validationMessages(revived.data)).toEqual([
      "Credit Note of status 'VOIDED' cannot be changed to 'AUTHORISED'.",
    ]);
  });

  it("refuses to approve a credit note whose lines have no account, and deletes a draft", async () => {
    const note = await createOk(sale({ lineItems: [{ description: "Unassigned", unitAmount: 5 }] }));
    const approve = await update(note.CreditNoteID, { status: StatusEnum.AUTHORISED });
    expect(validationMessages(approve.data)).toEqual([
      "Account code must be specified for all line items on an approved document.",
    ]);
    const deleted = await update(note.CreditNoteID, { status: StatusEnum.DELETED });
    expect(creditNotesOf(deleted.data)[0]!.Status).toBe("DELETED");
  });

  it("POST /CreditNotes updates by CreditNoteID, else creates; an unknown id is refused", async () => {
    const note = await createOk(sale());
    const byId = await xeroCall(
      "updateOrCreateCreditNotes",
      xero.updateOrCreateCreditNotes(nz, { creditNotes: [{ creditNoteID: note.CreditNoteID, reference: "by id" }] }),
    );
    expect(creditNotesOf(byId.data)[0]).toMatchObject({ CreditNoteID: note.CreditNoteID, Reference: "by id" });

    const unknownId = randomUUID();
    const unknown = await xeroCall(
      "updateOrCreateCreditNotes",
      xero.updateOrCreateCreditNotes(nz, { creditNotes: [{ creditNoteID: unknownId, reference: "x" }] }),
    );
    expect(unknown.status).toBe(400);
    expect(validationMessages(unknown.data)).toEqual([
      `Credit Note with CreditNoteID ${unknownId} could not be found.`,
    ]);
  });
});

describe("CreditNotes: read", () => {
  it("gets a credit note by id or by number, and 404s an unknown one", async () => {
    const note = await createOk(sale());
    for (const key of [note.CreditNoteID, note.CreditNoteNumber]) {
      const read = await xeroCall("getCreditNote", xero.getCreditNote(nz, key));
      expect(creditNotesOf(read.data)[0]!.CreditNoteID).toBe(note.CreditNoteID);
    }
    expect((await xeroCall("getCreditNote", xero.getCreditNote(nz, randomUUID()))).status).toBe(404);
  });

  it("lists with where on Type and Status, order and page", async () => {
    const reference = unique("Listed");
    const contact = { name: unique("Listed customer") };
    const authorised = await createOk(sale({ contact, reference, status: StatusEnum.AUTHORISED }));
    const purchase = await createOk({ type: TypeEnum.ACCPAYCREDIT, contact, reference });

    const where = `Reference=="${reference}" AND Type=="ACCRECCREDIT" AND Status=="AUTHORISED"`;
    const filtered = await xeroCall("getCreditNotes", xero.getCreditNotes(nz, undefined, where));
    expect(creditNotesOf(filtered.data).map((note) => note.CreditNoteID)).toEqual([authorised.CreditNoteID]);

    const paged = await xeroCall(
      "getCreditNotes",
      xero.getCreditNotes(nz, undefined, `Reference=="${reference}"`, "UpdatedDateUTC DESC", 1),
    );
    const data = paged.data as { pagination: Record<string, number> };
    expect(data.pagination).toEqual({ page: 1, pageSize: 100, pageCount: 1, itemCount: 2 });
    expect(creditNotesOf(paged.data).map((note) => note.CreditNoteID)).toEqual([
      purchase.CreditNoteID,
      authorised.CreditNoteID,
    ]);
  });
});
