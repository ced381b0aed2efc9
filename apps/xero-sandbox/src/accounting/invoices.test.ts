import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountingApi, Invoice, LineAmountTypes } from "xero-node";
import { type AccountingTestSandbox, startAccountingTestSandbox } from "../testing/accounting-test-sandbox";
import { validationMessages, xeroCall } from "../testing/xero-call";

let sandbox: AccountingTestSandbox;
let xero: AccountingApi;
let nz: string;

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

type WireInvoice = {
  InvoiceID: string;
  InvoiceNumber: string;
  Type: string;
  Status: string;
  Date: string;
  DueDate?: string;
  CurrencyCode: string;
  Contact: { ContactID: string; Name: string };
  LineItems: Record<string, unknown>[];
  SubTotal: number;
  TotalTax: number;
  Total: number;
  AmountDue: number;
  AmountPaid: number;
};

beforeAll(async () => {
  sandbox = await startAccountingTestSandbox();
  nz = sandbox.nzTenantId;
  xero = await sandbox.accounting();
});
afterAll(() => sandbox.close());

async function create(invoice: Record<string, unknown>, tenant = nz) {
  const result = await xeroCall("createInvoices", xero.createInvoices(tenant, { invoices: [invoice] }));
  return { ...result, invoice: (result.data as { Invoices?: WireInvoice[] }).Invoices?.[0] };
}

async function createOk(invoice: Record<string, unknown>, tenant = nz): Promise<WireInvoice> {
  const result = await create(invoice, tenant);
  expect(result.status, JSON.stringify(result.data)).toBe(200);
  return result.invoice!;
}

// Three lines exercising discount, per-line tax rounding and tracking (by name and by ids):
//   1. 3 × 19.99 less 10%  = 53.973 → 53.97, GST 15% (account 200's OUTPUT2), Region North
//   2. 2.5 × 40.00         = 100.00, GST 15% (account 260), Department Operations by ids
//   3. 1 × 0.35 less 12.5% = 0.30625 → 0.31, no GST (TaxType NONE)
async function threeLines() {
  const tracking = await xeroCall("getTrackingCategories", xero.getTrackingCategories(nz));
  const department = tracking.body!.trackingCategories!.find((category) => category.name === "Department")!;
  const operations = department.options!.find((option) => option.name === "Operations")!;
  return [
    {
      description: "Consulting (discounted)",
      quantity: 3,
      unitAmount: 19.99,
      discountRate: 10,
      accountCode: "200",
      tracking: [{ name: "Region", option: "North" }],
    },
    {
      description: "Workshop",
      quantity: 2.5,
      unitAmount: 40,
      accountCode: "260",
      tracking: [{ trackingCategoryID: department.trackingCategoryID, trackingOptionID: operations.trackingOptionID }],
    },
    { description: "Postage", quantity: 1, unitAmount: 0.35, discountRate: 12.5, accountCode: "200", taxType: "NONE" },
  ];
}

describe("Invoice totals, as Xero computes them", () => {
  it("Exclusive: tax on top of each line, rounded per line", async () => {
    const contact = { name: unique("Totals Exclusive") };
    const invoice = await createOk({
      type: Invoice.TypeEnum.ACCREC,
      contact,
      lineAmountTypes: LineAmountTypes.Exclusive,
      lineItems: await threeLines(),
    });
    expect(invoice.LineItems.map((line) => [line.LineAmount, line.TaxAmount, line.TaxType])).toEqual([
      [53.97, 8.1, "OUTPUT2"], // 53.97 × 15% = 8.0955
      [100, 15, "OUTPUT2"],
      [0.31, 0, "NONE"],
    ]);
    expect(invoice).toMatchObject({
      SubTotal: 154.28,
      TotalTax: 23.1,
      Total: 177.38,
      AmountDue: 177.38,
      AmountPaid: 0,
    });
    expect(invoice.LineItems[0]!.Tracking).toEqual([expect.objectContaining({ Name: "Region", Option: "North" })]);
    expect(invoice.LineItems[1]!.Tracking).toEqual([
      expect.objectContaining({ Name: "Department", Option: "Operations" }),
    ]);
  });

  it("Inclusive: tax inside each line, SubTotal net of it", async () => {
    const contact = { name: unique("Totals Inclusive") };
    const invoice = await createOk({
      type: Invoice.TypeEnum.ACCREC,
      contact,
      lineAmountTypes: LineAmountTypes.Inclusive,
      lineItems: await threeLines(),
    });
    expect(invoice.LineItems.map((line) => [line.LineAmount, line.TaxAmount])).toEqual([
      [53.97, 7.04], // 53.97 × 15/115 = 7.0396
      [100, 13.04], // 100 × 15/115 = 13.0435
      [0.31, 0],
    ]);
    expect(invoice).toMatchObject({ SubTotal: 134.2, TotalTax: 20.08, Total: 154.28 });
  });

  it("NoTax: no tax on any line", async () => {
    const invoice = await createOk({
      type: Invoice.TypeEnum.ACCREC,
      contact: { name: unique("Totals NoTax") },
      lineAmountTypes: LineAmountTypes.NoTax,
      lineItems: [{ description: "Donation", quantity: 1, unitAmount: 50, accountCode: "200" }],
    });
    expect(invoice).toMatchObject({ SubTotal: 50, TotalTax: 0, Total: 50 });
    expect(invoice.LineItems[0]).toMatchObject({ TaxType: "NONE", TaxAmount: 0 });
  });

  it("rounds unit amounts to 2 decimals unless unitdp=4", async () => {
    const invoice = {
      type: Invoice.TypeEnum.ACCREC,
      contact: { name: unique("Unit decimals") },
      lineAmountTypes: LineAmountTypes.NoTax,
      lineItems: [{ description: "Metered", quantity: 3, unitAmount: 10.125, accountCode: "200" }],
    };
    const twoDp = await createOk(invoice);
    expect(twoDp.LineItems[0]).toMatchObject({ UnitAmount: 10.13, LineAmount: 30.39 });

    const fourDp = await xeroCall("createInvoices", xero.createInvoices(nz, { invoices: [invoice] }, undefined, 4));
    expect((fourDp.data as { Invoices: WireInvoice[] }).Invoices[0]!.LineItems[0]).toMatchObject({
      UnitAmount: 10.125,
      LineAmount: 30.38, // 30.375, rounded half away from zero
    });
  });

  it("uses the organisation's own currency and tax rates (UK: GBP, VAT 20%)", async () => {
    const invoice = await createOk(
      {
        type: Invoice.TypeEnum.ACCREC,
        contact: { name: unique("UK Customer") },
        lineItems: [{ description: "Books", quantity: 4, unitAmount: 12.5, accountCode: "200" }],
      },
      sandbox.ukTenantId,
    );
    expect(invoice).toMatchObject({ CurrencyCode: "GBP", SubTotal: 50, TotalTax: 10, Total: 60 });
  });
});

describe("Invoices", () => {
  it("numbers sales invoices INV-0001… and refuses a duplicate number", async () => {
    const contact = { name: unique("Numbering") };
    const first = await createOk({
      type: Invoice.TypeEnum.ACCREC,
      contact,
      lineItems: [{ description: "a", unitAmount: 1 }],
    });
    const second = await createOk({
      type: Invoice.TypeEnum.ACCREC,
      contact,
      lineItems: [{ description: "b", unitAmount: 1 }],
    });
    expect(first.InvoiceNumber).toMatch(/^INV-\d{4}$/);
    expect(Number(second.InvoiceNumber.slice(4))).toBe(Number(first.InvoiceNumber.slice(4)) + 1);

    const duplicate = await create({ type: Invoice.TypeEnum.ACCREC, contact, invoiceNumber: first.InvoiceNumber });
    expect(duplicate.status).toBe(400);
    expect(validationMessages(duplicate.data)).toEqual(["Invoice # must be unique."]);
  });

  it("creates a bill (ACCPAY) from an item's purchase details, keeping the supplier's number", async () => {
    const bill = await createOk({
      type: Invoice.TypeEnum.ACCPAY,
      contact: { name: unique("Book Wholesaler") },
      invoiceNumber: "SUP-991",
      date: "2024-03-01",
      dueDate: "2024-03-31",
      lineItems: [{ itemCode: "BOOK", quantity: 10 }],
    });
    expect(bill).toMatchObject({ Type: "ACCPAY", InvoiceNumber: "SUP-991", Status: "DRAFT", CurrencyCode: "NZD" });
    expect(bill.Date).toBe(`/Date(${Date.UTC(2024, 2, 1)}+0000)/`);
    expect(bill.DueDate).toBe(`/Date(${Date.UTC(2024, 2, 31)}+0000)/`);
    expect(bill.LineItems[0]).toMatchObject({
      ItemCode: "BOOK",
      Description: "Fiction book",
      UnitAmount: 12,
      AccountCode: "310",
      TaxType: "INPUT2",
      LineAmount: 120,
      TaxAmount: 18,
    });
  });

  it("fills a sales line from the item's sales details", async () => {
    const invoice = await createOk({
      type: Invoice.TypeEnum.ACCREC,
      contact: { name: unique("Reader") },
      lineItems: [{ itemCode: "BOOK", quantity: 2 }],
    });
    expect(invoice.LineItems[0]).toMatchObject({
      Description: "Fiction book",
      UnitAmount: 19.95,
      AccountCode: "200",
      TaxType: "OUTPUT2",
      LineAmount: 39.9,
    });
  });

  it("finds the contact by id, or creates one from a new name", async () => {
    const name = unique("New Customer");
    const invoice = await createOk({ type: Invoice.TypeEnum.ACCREC, contact: { name }, lineItems: [] });
    const contact = await xeroCall("getContact", xero.getContact(nz, invoice.Contact.ContactID));
    expect(contact.body?.contacts?.[0]).toMatchObject({ name, isCustomer: true });

    const again = await createOk({
      type: Invoice.TypeEnum.ACCREC,
      contact: { contactID: invoice.Contact.ContactID },
      lineItems: [],
    });
    expect(again.Contact).toEqual({ ContactID: invoice.Contact.ContactID, Name: name });
  });

  it("refuses invalid account codes, tax types, items, tracking and a missing contact with Xero's messages", async () => {
    const contact = { name: unique("Bad Lines") };
    const result = await create({
      type: Invoice.TypeEnum.ACCREC,
      contact,
      lineItems: [
        { description: "a", unitAmount: 1, accountCode: "999" },
        { description: "b", unitAmount: 1, accountCode: "200", taxType: "BOGUS" },
        { itemCode: "NO-SUCH-ITEM" },
        { description: "c", unitAmount: 1, accountCode: "200", tracking: [{ name: "Region", option: "Atlantis" }] },
      ],
    });
    expect(result.status).toBe(400);
    expect(validationMessages(result.data)).toEqual([
      "Account code '999' is not a valid code for this document.",
      "The TaxType code 'BOGUS' does not exist or cannot be used for this type of transaction.",
      "Item code 'NO-SUCH-ITEM' is not valid.",
      "The Tracking Option 'Atlantis' does not exist for Tracking Category 'Region'.",
    ]);

    const noContact = await create({ type: Invoice.TypeEnum.ACCREC, lineItems: [] });
    expect(validationMessages(noContact.data)).toEqual(["A Contact must be specified for this type of transaction"]);
  });

  it("gets an invoice by id or by number, and 404s an unknown one", async () => {
    const invoice = await createOk({
      type: Invoice.TypeEnum.ACCREC,
      contact: { name: unique("Lookup") },
      lineItems: [],
    });
    const byId = await xeroCall("getInvoice", xero.getInvoice(nz, invoice.InvoiceID));
    expect(byId.body?.invoices?.[0]?.invoiceNumber).toBe(invoice.InvoiceNumber);
    const byNumber = await xeroCall("getInvoice", xero.getInvoice(nz, invoice.InvoiceNumber));
    expect(byNumber.body?.invoices?.[0]?.invoiceID).toBe(invoice.InvoiceID);
    const missing = await xeroCall("getInvoice", xero.getInvoice(nz, randomUUID()));
    expect(missing.status).toBe(404);
  });

  it("lists with where, Statuses, IDs, InvoiceNumbers and page", async () => {
    const contact = await createOk({
      type: Invoice.TypeEnum.ACCPAY,
      contact: { name: unique("Listing") },
      lineItems: [],
    }).then((bill) => bill.Contact);
    const draft = await createOk({
      type: Invoice.TypeEnum.ACCREC,
      contact: { contactID: contact.ContactID },
      lineItems: [],
    });
    const authorised = await createOk({
      type: Invoice.TypeEnum.ACCREC,
      contact: { contactID: contact.ContactID },
      status: Invoice.StatusEnum.AUTHORISED,
      lineItems: [{ description: "x", unitAmount: 5, accountCode: "200" }],
    });
    const ids = (result: { data: unknown }) =>
      (result.data as { Invoices: WireInvoice[] }).Invoices.map((i) => i.InvoiceID).sort();

    const where = `Contact.ContactID==Guid("${contact.ContactID}") AND Type=="ACCREC"`;
    expect(ids(await xeroCall("getInvoices", xero.getInvoices(nz, undefined, where)))).toEqual(
      [draft.InvoiceID, authorised.InvoiceID].sort(),
    );
    expect(
      ids(await xeroCall("getInvoices", xero.getInvoices(nz, undefined, `${where} AND Status=="AUTHORISED"`))),
    ).toEqual([authorised.InvoiceID]);
    const byStatus = await xeroCall(
      "getInvoices",
      xero.getInvoices(nz, undefined, where, undefined, undefined, undefined, undefined, ["DRAFT"]),
    );
    expect(ids(byStatus)).toEqual([draft.InvoiceID]);
    expect(
      ids(await xeroCall("getInvoices", xero.getInvoices(nz, undefined, undefined, undefined, [authorised.InvoiceID]))),
    ).toEqual([authorised.InvoiceID]);
    expect(
      ids(
        await xeroCall(
          "getInvoices",
          xero.getInvoices(nz, undefined, undefined, undefined, undefined, [draft.InvoiceNumber]),
        ),
      ),
    ).toEqual([draft.InvoiceID]);

    const paged = await xeroCall(
      "getInvoices",
      xero.getInvoices(nz, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 1),
    );
    expect((paged.data as { pagination: { page: number; pageSize: number } }).pagination).toMatchObject({
      page: 1,
      pageSize: 100,
    });
  });

  it("finds a contact's live invoice by Reference, as the duplicate check asks (guid(), not DELETED or VOIDED, oldest first)", async () => {
    const reference = unique("R");
    const line = [{ description: "x", quantity: 1, unitAmount: 10, accountCode: "200" }];
    const first = await createOk({
      type: Invoice.TypeEnum.ACCREC,
      contact: { name: unique("Dup") },
      reference,
      lineItems: line,
    });
    const contactId = first.Contact.ContactID;
    const same = (extra: Record<string, unknown>) =>
      createOk({
        type: Invoice.TypeEnum.ACCREC,
        contact: { contactID: contactId },
        reference,
        lineItems: line,
        ...extra,
      });
    const later = await same({ date: "2099-01-01" });
    const deleted = await same({ date: "2000-01-01" });
    const deleting = await xeroCall(
      "updateInvoice",
      xero.updateInvoice(nz, deleted.InvoiceID, { invoices: [{ status: Invoice.StatusEnum.DELETED }] }),
    );
    expect(deleting.status).toBe(200);
    await createOk({ type: Invoice.TypeEnum.ACCREC, contact: { name: unique("Other") }, reference, lineItems: line });

    const where = `Type=="ACCREC" AND Reference=="${reference}" AND Contact.ContactID==guid("${contactId.toUpperCase()}") AND Status!="DELETED" AND Status!="VOIDED"`;
    const all = await xeroCall("getInvoices", xero.getInvoices(nz, undefined, where, "Date ASC"));
    expect((all.data as { Invoices: WireInvoice[] }).Invoices.map((invoice) => invoice.InvoiceID)).toEqual([
      first.InvoiceID,
      later.InvoiceID,
    ]);
    const oldest = await xeroCall(
      "getInvoices",
      xero.getInvoices(
        nz,
        undefined,
        where,
        "Date ASC",
        undefined,
        undefined,
        undefined,
        undefined,
        1,
        undefined,
        undefined,
        4,
        undefined,
        1,
      ),
    );
    const page = oldest.data as { pagination: { itemCount: number }; Invoices: WireInvoice[] };
    expect(page.Invoices.map((invoice) => invoice.InvoiceID)).toEqual([first.InvoiceID]);
    expect(page.Invoices[0]?.LineItems).toHaveLength(1);
    expect(page.pagination.itemCount).toBe(2);
  });

  it("updates through POST: by id to AUTHORISED, by number, and refuses going back to DRAFT", async () => {
    const invoice = await createOk({
      type: Invoice.TypeEnum.ACCREC,
      contact: { name: unique("Updates") },
      lineItems: [{ description: "x", quantity: 1, unitAmount: 100, accountCode: "200" }],
    });
    const approved = await xeroCall(
      "updateInvoice",
      xero.updateInvoice(nz, invoice.InvoiceID, {
        invoices: [{ status: Invoice.StatusEnum.AUTHORISED, reference: "PO-7" }],
      }),
    );
    expect(approved.status).toBe(200);
    expect((approved.data as { Invoices: WireInvoice[] }).Invoices[0]).toMatchObject({
      Status: "AUTHORISED",
      Reference: "PO-7",
      Total: 115,
    });

    const byNumber = await xeroCall(
      "updateOrCreateInvoices",
      xero.updateOrCreateInvoices(nz, {
        invoices: [{ invoiceNumber: invoice.InvoiceNumber, type: Invoice.TypeEnum.ACCREC, reference: "PO-8" }],
      }),
    );
    expect((byNumber.data as { Invoices: (WireInvoice & { Reference: string })[] }).Invoices[0]).toMatchObject({
      InvoiceID: invoice.InvoiceID,
      Reference: "PO-8",
    });

    const backToDraft = await xeroCall(
      "updateInvoice",
      xero.updateInvoice(nz, invoice.InvoiceID, { invoices: [{ status: Invoice.StatusEnum.DRAFT }] }),
    );
    expect(backToDraft.status).toBe(400);
    expect(validationMessages(backToDraft.data)).toEqual([
      "Invoice of status 'AUTHORISED' cannot be changed to 'DRAFT'.",
    ]);
  });

  it("refuses to approve an invoice whose lines have no account", async () => {
    const result = await create({
      type: Invoice.TypeEnum.ACCREC,
      contact: { name: unique("No Account") },
      status: Invoice.StatusEnum.AUTHORISED,
      lineItems: [{ description: "x", unitAmount: 10 }],
    });
    expect(result.status).toBe(400);
    expect(validationMessages(result.data)).toEqual([
      "Account code must be specified for all line items on an approved document.",
    ]);
  });
});
