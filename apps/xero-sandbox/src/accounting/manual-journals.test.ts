import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountingApi, LineAmountTypes, ManualJournal, type ManualJournalLine } from "xero-node";
import { type AccountingTestSandbox, startAccountingTestSandbox } from "../testing/accounting-test-sandbox";
import { elementsOf, firstElement } from "../testing/wire-document";
import { validationMessages, xeroCall } from "../testing/xero-call";

let sandbox: AccountingTestSandbox;
let xero: AccountingApi;
let nz: string;

const { StatusEnum } = ManualJournal;

type WireJournal = {
  ManualJournalID: string;
  Narration: string;
  Status: string;
  Date: string;
  LineAmountTypes: string;
  ShowOnCashBasisReports: boolean;
  JournalLines: {
    LineAmount: number;
    AccountCode?: string;
    AccountID?: string;
    TaxType: string;
    TaxAmount: number;
    Tracking: { Name: string; Option: string; TrackingCategoryID: string; TrackingOptionID: string }[];
  }[];
  UpdatedDateUTC: string;
};

beforeAll(async () => {
  sandbox = await startAccountingTestSandbox();
  nz = sandbox.nzTenantId;
  xero = await sandbox.accounting();
});
afterAll(() => sandbox.close());

const balanced: ManualJournalLine[] = [
  { lineAmount: 100, accountCode: "429", description: "Office move" },
  { lineAmount: -100, accountCode: "970", description: "Paid by the owner" },
];

const journal = (overrides: Partial<ManualJournal> = {}): ManualJournal => ({
  narration: `Owner paid expenses ${randomUUID().slice(0, 8)}`,
  date: "2024-07-01",
  journalLines: balanced,
  ...overrides,
});

const journalsOf = (data: unknown) => elementsOf<WireJournal>(data, "ManualJournals");
const create = (body: ManualJournal) =>
  xeroCall("createManualJournals", xero.createManualJournals(nz, { manualJournals: [body] }));
const createOk = (body: ManualJournal) => firstElement<WireJournal>(create(body), "ManualJournals");

async function update(id: string, changes: Partial<ManualJournal>) {
  const result = await xeroCall(
    "updateManualJournal",
    xero.updateManualJournal(nz, id, { manualJournals: [changes as ManualJournal] }),
  );
  return { ...result, journal: journalsOf(result.data)[0] };
}

describe("ManualJournals", () => {
  it("creates a balanced DRAFT journal without tax by default, and reads it back", async () => {
    const created = await createOk(journal());
    expect(created).toMatchObject({ Status: "DRAFT", LineAmountTypes: "NoTax", ShowOnCashBasisReports: true });
    expect(
      created.JournalLines.map((line) => [line.AccountCode, line.LineAmount, line.TaxType, line.TaxAmount]),
    ).toEqual([
      ["429", 100, "NONE", 0],
      ["970", -100, "NONE", 0],
    ]);
    expect(created.JournalLines.every((line) => line.AccountID)).toBe(true);
    const read = await xeroCall("getManualJournal", xero.getManualJournal(nz, created.ManualJournalID));
    expect(journalsOf(read.data)).toEqual([created]);
  });

  it("refuses an unbalanced journal with Xero's message saying both totals", async () => {
    const result = await create(
      journal({
        journalLines: [
          { lineAmount: 100, accountCode: "429" },
          { lineAmount: -60, accountCode: "970" },
          { lineAmount: -30.5, accountCode: "880" },
        ],
      }),
    );
    expect(result.status).toBe(400);
    expect(validationMessages(result.data)).toEqual(["The total debits (100.00) must equal total credits (-90.50)"]);
  });

  it("balances on the amounts with tax: on top of Exclusive lines, inside Inclusive ones", async () => {
    const exclusive = await createOk(
      journal({
        lineAmountTypes: LineAmountTypes.Exclusive,
        journalLines: [
          { lineAmount: 100, accountCode: "429" },
          { lineAmount: -115, accountCode: "970" },
        ],
      }),
    );
    expect(exclusive.JournalLines.map((line) => [line.TaxType, line.TaxAmount])).toEqual([
      ["INPUT2", 15],
      ["NONE", 0],
    ]);
    const inclusive = await createOk(
      journal({
        lineAmountTypes: LineAmountTypes.Inclusive,
        journalLines: [
          { lineAmount: 115, accountCode: "429" },
          { lineAmount: -115, accountCode: "970" },
        ],
      }),
    );
    expect(inclusive.JournalLines[0]).toMatchObject({ TaxType: "INPUT2", TaxAmount: 15 });
    const unbalanced = await create(journal({ lineAmountTypes: LineAmountTypes.Exclusive }));
    expect(validationMessages(unbalanced.data)).toEqual([
      "The total debits (115.00) must equal total credits (-100.00)",
    ]);
  });

  it("refuses a missing narration, a single line, and posting a line without an account", async () => {
    expect(validationMessages((await create(journal({ narration: " " }))).data)).toEqual([
      "Narration cannot be empty.",
    ]);
    expect(validationMessages((await create(journal({ journalLines: [balanced[0]!] }))).data)).toEqual([
      "The JournalLines element must contain at least two individual JournalLine sub-elements",
    ]);
    const lines = [{ lineAmount: 100, description: "Uncoded" }, balanced[1]!];
    const draft = await createOk(journal({ journalLines: lines }));
    expect(draft.JournalLines[0]!.AccountCode).toBeUndefined();
    expect(validationMessages((await update(draft.ManualJournalID, { status: StatusEnum.POSTED })).data)).toEqual([
      "Account code must be specified for all line items on an approved document.",
    ]);
  });

  it("posts, then voids; a voided journal is final and a posted one cannot be deleted", async () => {
    const created = await createOk(journal());
    const posted = await update(created.ManualJournalID, { status: StatusEnum.POSTED });
    expect(posted.journal).toMatchObject({ Status: "POSTED" });
    expect(posted.journal!.UpdatedDateUTC > created.UpdatedDateUTC).toBe(true);
    expect(validationMessages((await update(created.ManualJournalID, { status: StatusEnum.DELETED })).data)).toEqual([
      "Manual Journal of status 'POSTED' cannot be changed to 'DELETED'.",
    ]);
    const relined = await update(created.ManualJournalID, {
      journalLines: [
        { lineAmount: 250, accountCode: "453" },
        { lineAmount: -250, accountCode: "970" },
      ],
    });
    expect(relined.journal!.JournalLines.map((line) => line.LineAmount)).toEqual([250, -250]);
    expect((await update(created.ManualJournalID, { status: StatusEnum.VOIDED })).journal).toMatchObject({
      Status: "VOIDED",
    });
    expect(validationMessages((await update(created.ManualJournalID, { narration: "Again" })).data)).toEqual([
      "Manual Journal of status 'VOIDED' cannot be edited.",
    ]);

    const discarded = await createOk(journal());
    expect((await update(discarded.ManualJournalID, { status: StatusEnum.DELETED })).journal!.Status).toBe("DELETED");
  });

  it("resolves tracking on journal lines by name", async () => {
    const created = await createOk(
      journal({
        journalLines: [
          { lineAmount: 40, accountCode: "400", tracking: [{ name: "Region", option: "South" }] },
          { lineAmount: -40, accountCode: "970" },
        ],
      }),
    );
    expect(created.JournalLines[0]!.Tracking).toEqual([
      expect.objectContaining({ Name: "Region", Option: "South", TrackingOptionID: expect.any(String) }),
    ]);
    const unknown = await create(
      journal({
        journalLines: [
          { lineAmount: 40, accountCode: "400", tracking: [{ name: "Region", option: "East" }] },
          { lineAmount: -40, accountCode: "970" },
        ],
      }),
    );
    expect(validationMessages(unknown.data)).toEqual([
      "The Tracking Option 'East' does not exist for Tracking Category 'Region'.",
    ]);
  });

  it("lists with where, order and page with pagination", async () => {
    const tag = randomUUID().slice(0, 8);
    const created = [];
    for (const date of ["2022-03-01", "2022-01-01", "2022-02-01"]) {
      created.push(await createOk(journal({ narration: `Listed ${tag}`, date })));
    }
    await update(created[0]!.ManualJournalID, { status: StatusEnum.POSTED });
    const ids = (data: unknown) => journalsOf(data).map((found) => found.ManualJournalID);
    const [march, january, february] = created.map((found) => found.ManualJournalID);

    const where = `Narration=="Listed ${tag}"`;
    const ordered = await xeroCall("getManualJournals", xero.getManualJournals(nz, undefined, where, "Date ASC"));
    expect(ids(ordered.data)).toEqual([january, february, march]);
    const posted = await xeroCall(
      "getManualJournals",
      xero.getManualJournals(nz, undefined, `${where} AND Status=="POSTED"`),
    );
    expect(ids(posted.data)).toEqual([march]);
    const paged = await xeroCall("getManualJournals", xero.getManualJournals(nz, undefined, where, "Date DESC", 2, 2));
    expect(ids(paged.data)).toEqual([january]);
    expect(paged.data).toMatchObject({ pagination: { page: 2, pageSize: 2, pageCount: 2, itemCount: 3 } });
  });
});
