import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountingApi, BankTransaction, LineAmountTypes } from "xero-node";
import { type AccountingTestSandbox, startAccountingTestSandbox } from "../testing/accounting-test-sandbox";
import { elementsOf, firstElement, type WireDocument } from "../testing/wire-document";
import { validationMessages, xeroCall } from "../testing/xero-call";

let sandbox: AccountingTestSandbox;
let xero: AccountingApi;
let nz: string;

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

type WireBankTransaction = WireDocument & {
  BankTransactionID: string;
  Type: string;
  IsReconciled: boolean;
  Reference?: string;
  CurrencyCode: string;
  BankAccount: { AccountID: string; Code: string; Name: string };
  LineAmountTypes: string;
};

beforeAll(async () => {
  sandbox = await startAccountingTestSandbox();
  nz = sandbox.nzTenantId;
  xero = await sandbox.accounting();
});
afterAll(() => sandbox.close());

const received = (overrides: Partial<BankTransaction> = {}): BankTransaction => ({
  type: BankTransaction.TypeEnum.RECEIVE,
  contact: { name: unique("Cash customer") },
  bankAccount: { code: "090" },
  lineAmountTypes: LineAmountTypes.Exclusive,
  lineItems: [
    { description: "Lessons", quantity: 2, unitAmount: 45.5, accountCode: "200" },
    { description: "Interest", quantity: 1, unitAmount: 12.34, accountCode: "270", taxType: "NONE" },
  ],
  ...overrides,
});

const transactionsOf = (data: unknown) => elementsOf<WireBankTransaction>(data, "BankTransactions");
const create = (transaction: BankTransaction, tenant = nz) =>
  xeroCall("createBankTransactions", xero.createBankTransactions(tenant, { bankTransactions: [transaction] }));
const createOk = (transaction: BankTransaction, tenant = nz) =>
  firstElement<WireBankTransaction>(create(transaction, tenant), "BankTransactions");

async function update(id: string, changes: Partial<BankTransaction>) {
  const result = await xeroCall(
    "updateBankTransaction",
    xero.updateBankTransaction(nz, id, { bankTransactions: [changes as BankTransaction] }),
  );
  return { ...result, transaction: transactionsOf(result.data)[0] };
}

describe("BankTransactions", () => {
  it("receives money into a bank account: lines with account codes and tax, totals, AUTHORISED", async () => {
    const transaction = await createOk(received({ reference: "Term 1" }));
    expect(transaction).toMatchObject({
      Type: "RECEIVE",
      Status: "AUTHORISED",
      IsReconciled: false,
      Reference: "Term 1",
      CurrencyCode: "NZD",
      LineAmountTypes: "Exclusive",
      BankAccount: { Code: "090", Name: "Business Bank Account" },
      SubTotal: 103.34,
      TotalTax: 13.65, // 91.00 × 15%
      Total: 116.99,
    });
    expect(transaction.LineItems.map((line) => [line.AccountCode, line.TaxType, line.LineAmount])).toEqual([
      ["200", "OUTPUT2", 91],
      ["270", "NONE", 12.34],
    ]);
    const read = await xeroCall("getBankTransaction", xero.getBankTransaction(nz, transaction.BankTransactionID));
    expect(transactionsOf(read.data)).toEqual([transaction]);
  });

  it("spends money with a line filled from the item's purchase details, tax inside the amounts", async () => {
    const transaction = await createOk({
      type: BankTransaction.TypeEnum.SPEND,
      contact: { name: unique("Golf supplier") },
      bankAccount: { code: "091" },
      lineAmountTypes: LineAmountTypes.Inclusive,
      lineItems: [{ itemCode: "GB1-White", quantity: 4 }],
    });
    expect(transaction.LineItems[0]).toMatchObject({
      ItemCode: "GB1-White",
      UnitAmount: 2.75,
      AccountCode: "310",
      TaxType: "INPUT2",
      TaxAmount: 1.43, // 11.00 × 15/115
      LineAmount: 11,
    });
    expect(transaction).toMatchObject({ SubTotal: 9.57, TotalTax: 1.43, Total: 11 });
  });

  it("uses the organisation's own bank account, currency and tax (UK: GBP, VAT 20%)", async () => {
    const uk = sandbox.ukTenantId;
    const transaction = await createOk(
      received({ lineItems: [{ description: "Book fair", quantity: 1, unitAmount: 50, accountCode: "200" }] }),
      uk,
    );
    expect(transaction).toMatchObject({ CurrencyCode: "GBP", TotalTax: 10, Total: 60 });
    expect(transaction.BankAccount.Name).toBe("Business Current Account");
  });

  it("refuses what Xero refuses, with its messages", async () => {
    const cases: [Partial<BankTransaction>, string][] = [
      [{ bankAccount: {} }, "A BankAccount must be specified by AccountID or Code."],
      [{ bankAccount: { code: "200" } }, "The BankAccount '200' is not a bank account of this organisation."],
      [
        { contact: {} },
        "The Contact must contain at least 1 of the following elements to identify the contact: Name, ContactID, ContactNumber",
      ],
      [{ lineItems: [] }, "A Bank Transaction must have at least one line item."],
      [
        { lineItems: [{ description: "To savings", unitAmount: 5, accountCode: "091" }] },
        "Account code '091' is not a valid code for this document.",
      ],
      [
        { lineItems: [{ description: "No account", unitAmount: 5 }] },
        "Account code must be specified for all line items on an approved document.",
      ],
      [
        { currencyCode: "USD" as never },
        "The currency of a Bank Transaction must be its bank account's currency (NZD).",
      ],
      [
        { type: BankTransaction.TypeEnum.RECEIVEOVERPAYMENT },
        "Bank Transaction Type 'RECEIVE-OVERPAYMENT' is not supported: the sandbox keeps no overpayments.",
      ],
      [
        { type: BankTransaction.TypeEnum.SPENDTRANSFER },
        "Bank Transaction Type 'SPEND-TRANSFER' is not supported: the sandbox keeps no transfers.",
      ],
      [{ status: BankTransaction.StatusEnum.DELETED }, "Bank Transaction Status 'DELETED' is not valid for creation."],
    ];
    for (const [overrides, message] of cases) {
      const result = await create(received(overrides));
      expect(result.status, message).toBe(400);
      expect(validationMessages(result.data)).toContain(message);
    }
  });

  it("updates through POST /BankTransactions/{id}, each change advancing UpdatedDateUTC, and deletes", async () => {
    const created = await createOk(received());
    const edited = await update(created.BankTransactionID, {
      lineItems: [{ description: "Lessons", quantity: 3, unitAmount: 45.5, accountCode: "200" }],
    });
    expect(edited.status, JSON.stringify(edited.data)).toBe(200);
    expect(edited.transaction).toMatchObject({ SubTotal: 136.5, TotalTax: 20.48, Total: 156.98 });
    expect(edited.transaction!.UpdatedDateUTC > created.UpdatedDateUTC).toBe(true);
    expect(edited.transaction!.Contact).toEqual(created.Contact);

    const retyped = await update(created.BankTransactionID, { type: BankTransaction.TypeEnum.SPEND });
    expect(validationMessages(retyped.data)).toEqual(["The Type of an existing Bank Transaction cannot be changed."]);

    const deleted = await update(created.BankTransactionID, { status: BankTransaction.StatusEnum.DELETED });
    expect(deleted.transaction).toMatchObject({ Status: "DELETED" });
    const again = await update(created.BankTransactionID, { reference: "After deletion" });
    expect(validationMessages(again.data)).toEqual(["Bank Transaction of status 'DELETED' cannot be edited."]);
  });

  it("locks a reconciled transaction except for its reference", async () => {
    const created = await createOk(received({ isReconciled: true }));
    const relined = await update(created.BankTransactionID, {
      lineItems: [{ description: "Changed", unitAmount: 1, accountCode: "200" }],
    });
    expect(validationMessages(relined.data)).toEqual([
      "This Bank Transaction cannot be edited as it has been reconciled with a Bank Statement.",
    ]);
    const referenced = await update(created.BankTransactionID, { reference: "Statement 42" });
    expect(referenced.transaction).toMatchObject({ Reference: "Statement 42", IsReconciled: true, Total: 116.99 });
  });

  it("lists with where, order and page, and takes unitdp=4", async () => {
    const payee = unique("Listed payee");
    for (const amount of [30, 10, 20]) {
      await createOk({
        type: BankTransaction.TypeEnum.SPEND,
        contact: { name: payee },
        bankAccount: { code: "090" },
        lineAmountTypes: LineAmountTypes.NoTax,
        lineItems: [{ description: "Fees", unitAmount: amount, accountCode: "404" }],
      });
    }
    const where = `Contact.Name=="${payee}" AND Type=="SPEND"`;
    const ordered = await xeroCall("getBankTransactions", xero.getBankTransactions(nz, undefined, where, "Total DESC"));
    const totals = transactionsOf(ordered.data).map((t) => t.Total);
    expect(totals).toEqual([30, 20, 10]);

    const paged = await xeroCall(
      "getBankTransactions",
      xero.getBankTransactions(nz, undefined, where, "Total ASC", 2, undefined, 2),
    );
    expect(paged.data).toMatchObject({ pagination: { page: 2, pageSize: 2, pageCount: 2, itemCount: 3 } });
    expect(transactionsOf(paged.data).map((t) => t.Total)).toEqual([30]);

    const precise = await xeroCall(
      "createBankTransactions",
      xero.createBankTransactions(
        nz,
        {
          bankTransactions: [
            received({ lineItems: [{ description: "Metered", quantity: 3, unitAmount: 1.0125, accountCode: "270" }] }),
          ],
        },
        undefined,
        4,
      ),
    );
    const line = transactionsOf(precise.data)[0]!.LineItems[0];
    expect(line).toMatchObject({ UnitAmount: 1.0125, LineAmount: 3.04 });

    const unknownField = await xeroCall("getBankTransactions", xero.getBankTransactions(nz, undefined, "Colour==1"));
    expect(unknownField.status).toBe(400);
    expect(unknownField.data).toMatchObject({
      Type: "QueryParseException",
      Message: "No property or field 'Colour' exists in type 'BankTransaction'",
    });
  });
});
