import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountingApi, type Quote, QuoteLineAmountTypes, QuoteStatusCodes } from "xero-node";
import { type AccountingTestSandbox, startAccountingTestSandbox } from "../testing/accounting-test-sandbox";
import { elementsOf, firstElement, type WireDocument } from "../testing/wire-document";
import { validationMessages, xeroCall, xeroGet } from "../testing/xero-call";

let sandbox: AccountingTestSandbox;
let xero: AccountingApi;
let nz: string;

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

type WireQuote = WireDocument & {
  QuoteID: string;
  QuoteNumber: string;
  DateString: string;
  ExpiryDate?: string;
  ExpiryDateString?: string;
  LineAmountTypes: string;
  TotalDiscount: number;
};

beforeAll(async () => {
  sandbox = await startAccountingTestSandbox();
  nz = sandbox.nzTenantId;
  xero = await sandbox.accounting();
});
afterAll(() => sandbox.close());

const quote = (overrides: Partial<Quote> = {}): Quote => ({
  contact: { name: unique("Prospect") },
  date: "2024-05-01",
  expiryDate: "2024-05-31",
  lineItems: [{ description: "Fiction book", itemCode: "BOOK", quantity: 1, discountRate: 10 }],
  ...overrides,
});

const quotesOf = (data: unknown) => elementsOf<WireQuote>(data, "Quotes");
const create = (body: Quote) => xeroCall("createQuotes", xero.createQuotes(nz, { quotes: [body] }));
const createOk = (body: Quote) => firstElement<WireQuote>(create(body), "Quotes");

async function setStatus(id: string, status: QuoteStatusCodes) {
  const result = await xeroCall("updateQuote", xero.updateQuote(nz, id, { quotes: [{ status } as Quote] }));
  return { ...result, quote: quotesOf(result.data)[0] };
}

describe("Quotes", () => {
  it("numbers quotes QU-0001… and keeps a given number, refusing a duplicate", async () => {
    const first = await createOk(quote());
    const second = await createOk(quote());
    expect([first.QuoteNumber, second.QuoteNumber]).toEqual(["QU-0001", "QU-0002"]);
    expect((await createOk(quote({ quoteNumber: "Q-SPRING" }))).QuoteNumber).toBe("Q-SPRING");
    const duplicate = await create(quote({ quoteNumber: "QU-0001" }));
    expect(duplicate.status).toBe(400);
    expect(validationMessages(duplicate.data)).toEqual(["Quote number must be unique."]);
    // A hand-given number in the counter's way is skipped.
    await createOk(quote({ quoteNumber: "QU-0004" }));
    expect((await createOk(quote())).QuoteNumber).toBe("QU-0003");
    expect((await createOk(quote())).QuoteNumber).toBe("QU-0005");
  });

  it("fills lines from the item's sales details with unit amounts to four decimals, and totals the discount", async () => {
    const created = await createOk(
      quote({
        title: "Your quote",
        terms: "Valid 30 days",
        lineItems: [
          { description: "Fiction book", itemCode: "BOOK", quantity: 1, discountRate: 10 },
          { description: "Metered", quantity: 3, unitAmount: 1.0125, accountCode: "260" },
        ],
      }),
    );
    expect(created).toMatchObject({
      Status: "DRAFT",
      LineAmountTypes: "EXCLUSIVE",
      DateString: "2024-05-01T00:00:00",
      ExpiryDateString: "2024-05-31T00:00:00",
      SubTotal: 21, // 19.95 less 10% = 17.955 → 17.96, and 3 × 1.0125 = 3.0375 → 3.04
      TotalTax: 3.15, // 2.69 + 0.46
      Total: 24.15,
      TotalDiscount: 1.99,
    });
    expect(created.LineItems.map((line) => [line.AccountCode, line.TaxType, line.UnitAmount, line.LineAmount])).toEqual(
      [
        ["200", "OUTPUT2", 19.95, 17.96],
        ["260", "OUTPUT2", 1.0125, 3.04],
      ],
    );
    const read = await xeroCall("getQuote", xero.getQuote(nz, created.QuoteID));
    expect(quotesOf(read.data)).toEqual([created]);
  });

  it("takes INCLUSIVE and NOTAX line amounts", async () => {
    const lines = [{ description: "Service", quantity: 1, unitAmount: 115, accountCode: "200" }];
    const inclusive = await createOk(quote({ lineAmountTypes: QuoteLineAmountTypes.INCLUSIVE, lineItems: lines }));
    expect(inclusive).toMatchObject({ LineAmountTypes: "INCLUSIVE", SubTotal: 100, TotalTax: 15, Total: 115 });
    const noTax = await createOk(quote({ lineAmountTypes: QuoteLineAmountTypes.NOTAX, lineItems: lines }));
    expect(noTax).toMatchObject({ LineAmountTypes: "NOTAX", SubTotal: 115, TotalTax: 0, Total: 115 });
  });

  it("moves DRAFT → SENT → ACCEPTED → INVOICED, each change advancing UpdatedDateUTC", async () => {
    let current = await createOk(quote());
    for (const status of [QuoteStatusCodes.SENT, QuoteStatusCodes.ACCEPTED, QuoteStatusCodes.INVOICED]) {
      const moved = await setStatus(current.QuoteID, status);
      expect(moved.status, JSON.stringify(moved.data)).toBe(200);
      expect(moved.quote!.Status).toBe(String(status));
      expect(moved.quote!.UpdatedDateUTC > current.UpdatedDateUTC).toBe(true);
      expect(moved.quote!.Total).toBe(current.Total);
      current = moved.quote!;
    }
  });

  it("refuses the moves Xero refuses, with its validation error", async () => {
    const draft = await createOk(quote());
    const declined = await setStatus(draft.QuoteID, QuoteStatusCodes.DECLINED);
    expect(declined.status).toBe(400);
    expect(validationMessages(declined.data)).toEqual(["Quote of status 'DRAFT' cannot be changed to 'DECLINED'."]);

    await setStatus(draft.QuoteID, QuoteStatusCodes.SENT);
    await setStatus(draft.QuoteID, QuoteStatusCodes.ACCEPTED);
    expect(validationMessages((await setStatus(draft.QuoteID, QuoteStatusCodes.DECLINED)).data)).toEqual([
      "Quote of status 'ACCEPTED' cannot be changed to 'DECLINED'.",
    ]);

    const deleted = await createOk(quote());
    expect((await setStatus(deleted.QuoteID, QuoteStatusCodes.DELETED)).quote!.Status).toBe("DELETED");
    expect(validationMessages((await setStatus(deleted.QuoteID, QuoteStatusCodes.DRAFT)).data)).toEqual([
      "Quote of status 'DELETED' cannot be changed to 'DRAFT'.",
    ]);

    const accepted = await create(quote({ status: QuoteStatusCodes.ACCEPTED }));
    expect(validationMessages(accepted.data)).toEqual(["Quote Status 'ACCEPTED' is not valid for creation."]);
  });

  it("refuses a missing contact, an expiry before the date and a bad date", async () => {
    const cases: [Partial<Quote>, string][] = [
      [
        { contact: undefined },
        "The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber",
      ],
      [{ expiryDate: "2024-04-30" }, "ExpiryDate cannot be earlier than the quote Date."],
      [{ date: "2024-02-30", expiryDate: undefined }, "Date must be a valid date."],
      [
        { lineItems: [{ description: "Bad", unitAmount: 1, accountCode: "999" }] },
        "Account code '999' is not a valid code for this document.",
      ],
    ];
    for (const [overrides, message] of cases) {
      const result = await create(quote(overrides));
      expect(result.status, message).toBe(400);
      expect(validationMessages(result.data)).toEqual([message]);
    }
  });

  it("POST /Quotes/{QuoteID} edits the lines; POST /Quotes updates by QuoteID or creates", async () => {
    const created = await createOk(quote());
    const edited = await xeroCall(
      "updateQuote",
      xero.updateQuote(nz, created.QuoteID, {
        quotes: [{ lineItems: [{ description: "Two books", itemCode: "BOOK", quantity: 2 }] } as Quote],
      }),
    );
    expect(quotesOf(edited.data)[0]).toMatchObject({ SubTotal: 39.9, Total: 45.89 });

    const upserted = await xeroCall(
      "updateOrCreateQuotes",
      xero.updateOrCreateQuotes(nz, { quotes: [{ quoteID: created.QuoteID, reference: "PO 7" } as Quote, quote()] }),
    );
    const [updated, fresh] = (upserted.data as { Quotes: (WireQuote & { Reference?: string })[] }).Quotes;
    expect(updated).toMatchObject({ QuoteID: created.QuoteID, Reference: "PO 7", Total: 45.89 });
    expect(fresh!.QuoteID).not.toBe(created.QuoteID);

    const unknown = await xeroCall(
      "updateOrCreateQuotes",
      xero.updateOrCreateQuotes(nz, { quotes: [{ ...quote(), quoteID: randomUUID() }] }),
    );
    expect(validationMessages(unknown.data)).toEqual([
      expect.stringMatching(/^Quote with QuoteID .* could not be found\.$/),
    ]);
  });

  it("lists with Status, ContactID, QuoteNumber, date ranges, where and order, 100 a page without pagination", async () => {
    const contact = unique("Filtered prospect");
    const early = await createOk(quote({ contact: { name: contact }, date: "2024-01-10", expiryDate: "2024-01-20" }));
    const late = await createOk(quote({ contact: { name: contact }, date: "2024-03-10", expiryDate: "2024-04-10" }));
    await setStatus(late.QuoteID, QuoteStatusCodes.SENT);
    const contactId = early.Contact.ContactID;
    const list = async (...args: Parameters<AccountingApi["getQuotes"]>) => {
      const result = await xeroCall("getQuotes", xero.getQuotes(...args));
      expect(result.status, JSON.stringify(result.data)).toBe(200);
      return quotesOf(result.data).map((found) => found.QuoteNumber);
    };
    expect(await list(nz, undefined, undefined, undefined, undefined, undefined, contactId)).toEqual([
      early.QuoteNumber,
      late.QuoteNumber,
    ]);
    expect(await list(nz, undefined, undefined, undefined, undefined, undefined, contactId, "SENT")).toEqual([
      late.QuoteNumber,
    ]);
    expect(await list(nz, undefined, "2024-03-01", "2024-03-10", undefined, undefined, contactId)).toEqual([
      late.QuoteNumber,
    ]);
    expect(await list(nz, undefined, undefined, undefined, undefined, "2024-01-20", contactId)).toEqual([
      early.QuoteNumber,
    ]);
    expect(
      await list(
        nz,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        early.QuoteNumber,
      ),
    ).toEqual([early.QuoteNumber]);
    expect(
      await list(nz, undefined, undefined, undefined, undefined, undefined, contactId, undefined, 1, "Date DESC"),
    ).toEqual([late.QuoteNumber, early.QuoteNumber]);

    const where = `Contact.Name=="${contact}" AND Status=="DRAFT"`;
    const filtered = await xeroGet(
      "getQuotes",
      `${sandbox.url}/api.xro/2.0/Quotes?where=${encodeURIComponent(where)}`,
      {
        accessToken: await sandbox.token(),
        tenantId: nz,
      },
    );
    expect(quotesOf(filtered.data).map((found) => found.QuoteID)).toEqual([early.QuoteID]);

    const badDate = await xeroCall("getQuotes", xero.getQuotes(nz, undefined, "31/01/2024"));
    expect(badDate.status).toBe(400);
    expect(badDate.data).toMatchObject({ Message: "DateFrom: must be a date as YYYY-MM-DD" });
  });
});
