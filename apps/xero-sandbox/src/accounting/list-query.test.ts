import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountingApi, Invoice } from "xero-node";
import { type AccountingTestSandbox, startAccountingTestSandbox } from "../testing/accounting-test-sandbox";
import { xeroCall, xeroGet } from "../testing/xero-call";
import { msDateValue } from "./xero-dates";

// What a poller relies on: If-Modified-Since returns exactly the records changed after a cursor,
// pages of 100, `order` by value and `where` on the fields it filters by, on every polled list.

let sandbox: AccountingTestSandbox;
let xero: AccountingApi;
let token: string;
let nz: string;

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

type Stamped = { UpdatedDateUTC: string };
type WireContact = Stamped & { ContactID: string; Name: string };
type WireInvoice = Stamped & { InvoiceID: string };

beforeAll(async () => {
  sandbox = await startAccountingTestSandbox();
  nz = sandbox.nzTenantId;
  token = await sandbox.token();
  xero = await sandbox.accounting({ accessToken: token });
});
afterAll(() => sandbox.close());

const updatedAt = (record: Stamped) => msDateValue(record.UpdatedDateUTC);

/** The newest UpdatedDateUTC in the tenant's contacts: a poller's cursor after reading everything. */
async function contactsCursor(): Promise<Date> {
  const all = await xeroCall(
    "getContacts",
    xero.getContacts(nz, undefined, undefined, undefined, undefined, undefined, true),
  );
  const contacts = (all.data as { Contacts: WireContact[] }).Contacts;
  return new Date(Math.max(...contacts.map(updatedAt)));
}

async function createContacts(names: string[]): Promise<WireContact[]> {
  const created = await xeroCall(
    "createContacts",
    xero.createContacts(nz, { contacts: names.map((name) => ({ name })) }),
  );
  expect(created.status).toBe(200);
  return (created.data as { Contacts: WireContact[] }).Contacts;
}

async function createInvoice(invoice: Record<string, unknown>): Promise<WireInvoice> {
  const created = await xeroCall("createInvoices", xero.createInvoices(nz, { invoices: [invoice] }));
  expect(created.status, JSON.stringify(created.data)).toBe(200);
  return (created.data as { Invoices: WireInvoice[] }).Invoices[0]!;
}

async function contactsSince(since: Date, order?: string, page?: number): Promise<WireContact[]> {
  const listed = await xeroCall("getContacts", xero.getContacts(nz, since, undefined, order, undefined, page, true));
  expect(listed.status).toBe(200);
  return (listed.data as { Contacts: WireContact[] }).Contacts;
}

/** GET Contacts with a raw If-Modified-Since header, as a client other than xero-node may send it. */
async function contactsWithHeader(ifModifiedSince: string) {
  const headers = { "if-modified-since": ifModifiedSince };
  const result = await xeroGet("getContacts", `${sandbox.url}/api.xro/2.0/Contacts`, {
    accessToken: token,
    tenantId: nz,
    headers,
  });
  return result as { status: number; data: Record<string, unknown> };
}

describe("If-Modified-Since", () => {
  it("returns only the records changed strictly after the cursor, created or updated", async () => {
    const cursor = await contactsCursor();
    const [first, second] = await createContacts([unique("Poll A"), unique("Poll B")]);
    expect((await contactsSince(cursor, "UpdatedDateUTC ASC")).map((c) => c.ContactID)).toEqual([
      first!.ContactID,
      second!.ContactID,
    ]);
    // The cursor is the last stamp seen: that record is not returned again.
    const afterFirst = await contactsSince(new Date(updatedAt(first!)));
    expect(afterFirst.map((c) => c.ContactID)).toEqual([second!.ContactID]);

    const updated = await xeroCall(
      "updateContact",
      xero.updateContact(nz, first!.ContactID, { contacts: [{ emailAddress: "poll@a.example" }] }),
    );
    const stamp = updatedAt((updated.data as { Contacts: WireContact[] }).Contacts[0]!);
    expect(stamp).toBeGreaterThan(updatedAt(second!));
    const afterSecond = await contactsSince(new Date(updatedAt(second!)));
    expect(afterSecond.map((c) => c.ContactID)).toEqual([first!.ContactID]);
    expect(await contactsSince(new Date(stamp))).toEqual([]);
  });

  it("gives every change of one batch its own later stamp, so no cursor falls between equal stamps", async () => {
    const created = await createContacts(Array.from({ length: 5 }, (_, index) => unique(`Same ms ${index}`)));
    const stamps = created.map(updatedAt);
    for (let index = 1; index < stamps.length; index++) expect(stamps[index]).toBeGreaterThan(stamps[index - 1]!);
    for (const [index, contact] of created.entries()) {
      const later = await contactsSince(new Date(updatedAt(contact)), "UpdatedDateUTC ASC");
      expect(later.map((c) => c.ContactID)).toEqual(created.slice(index + 1).map((c) => c.ContactID));
    }
  });

  it("reads an HTTP date and yyyy-MM-ddTHH:mm:ss as UTC, and refuses anything else naming the header", async () => {
    const [contact] = await createContacts([unique("Header forms")]);
    const stamp = updatedAt(contact!);
    // Whole seconds on either side of the stamp: the second before includes it, the one after does not.
    const before = new Date(Math.floor(stamp / 1000) * 1000 - 1000);
    const after = new Date(Math.ceil(stamp / 1000) * 1000 + 1000);
    const ids = (data: Record<string, unknown>) => (data.Contacts as WireContact[]).map((c) => c.ContactID);
    for (const [form, format] of [
      ["HTTP date", (date: Date) => date.toUTCString()],
      ["UTC timestamp", (date: Date) => date.toISOString().slice(0, 19)],
      ["ISO with a zone", (date: Date) => date.toISOString().replace("Z", "+00:00")],
    ] as const) {
      const including = await contactsWithHeader(format(before));
      expect(ids(including.data), form).toContain(contact!.ContactID);
      const excluding = await contactsWithHeader(format(after));
      expect(ids(excluding.data), form).not.toContain(contact!.ContactID);
    }

    const bad = await contactsWithHeader("last tuesday");
    expect(bad.status).toBe(400);
    expect(bad.data.Message).toMatch(/^If-Modified-Since: /);
  });

  it("pages what changed after the cursor 100 at a time", async () => {
    const cursor = await contactsCursor();
    const created = await createContacts(Array.from({ length: 101 }, (_, index) => unique(`Page ${index}`)));
    const listed = await xeroCall(
      "getContacts",
      xero.getContacts(nz, cursor, undefined, "UpdatedDateUTC ASC", undefined, 1, true),
    );
    const first = listed.data as { pagination: Record<string, number>; Contacts: WireContact[] };
    expect(first.pagination).toEqual({ page: 1, pageSize: 100, pageCount: 2, itemCount: 101 });
    const second = await contactsSince(cursor, "UpdatedDateUTC ASC", 2);
    expect([...first.Contacts, ...second].map((c) => c.ContactID)).toEqual(created.map((c) => c.ContactID));
  });

  it("applies to Invoices, Payments, Items and an invoice a payment changed", async () => {
    const [customer] = await createContacts([unique("Polled customer")]);
    const invoice = await createInvoice({
      type: Invoice.TypeEnum.ACCREC,
      contact: { contactID: customer!.ContactID },
      status: Invoice.StatusEnum.AUTHORISED,
      lineItems: [{ description: "Polled", quantity: 1, unitAmount: 100, accountCode: "200" }],
    });
    const afterInvoice = new Date(updatedAt(invoice));

    const paid = await xeroCall(
      "createPayment",
      xero.createPayment(nz, { invoice: { invoiceID: invoice.InvoiceID }, account: { code: "090" }, amount: 40 }),
    );
    const payment = (paid.data as { Payments: (Stamped & { PaymentID: string })[] }).Payments[0]!;
    const payments = await xeroCall("getPayments", xero.getPayments(nz, afterInvoice));
    expect((payments.data as { Payments: { PaymentID: string }[] }).Payments.map((p) => p.PaymentID)).toEqual([
      payment.PaymentID,
    ]);
    const changedInvoices = await xeroCall("getInvoices", xero.getInvoices(nz, afterInvoice));
    expect(
      (changedInvoices.data as { Invoices: { InvoiceID: string; AmountPaid: number }[] }).Invoices.map((i) => [
        i.InvoiceID,
        i.AmountPaid,
      ]),
    ).toEqual([[invoice.InvoiceID, 40]]);

    const code = `POLL-${randomUUID().slice(0, 6)}`;
    const items = await xeroCall("createItems", xero.createItems(nz, { items: [{ code, name: "Polled item" }] }));
    const item = (items.data as { Items: (Stamped & { Code: string })[] }).Items[0]!;
    const sinceItem = await xeroCall("getItems", xero.getItems(nz, new Date(updatedAt(item) - 1)));
    expect((sinceItem.data as { Items: { Code: string }[] }).Items.map((i) => i.Code)).toEqual([code]);
    const none = await xeroCall("getItems", xero.getItems(nz, new Date(updatedAt(item))));
    expect((none.data as { Items: unknown[] }).Items).toEqual([]);
  });
});

describe("order and where on polled fields", () => {
  it("orders dates by value, not by the text of their MS dates", async () => {
    const [customer] = await createContacts([unique("Dated customer")]);
    const reference = unique("Dated");
    // 2001-09-08 is /Date(999907200000…)/ and 2001-09-10 /Date(1000080000000…)/: as text they sort backwards.
    for (const date of ["2001-09-10", "2001-09-08", "2001-09-09"]) {
      await createInvoice({
        type: Invoice.TypeEnum.ACCREC,
        contact: { contactID: customer!.ContactID },
        date,
        reference,
      });
    }
    const where = `Reference=="${reference}"`;
    const dates = async (order: string) => {
      const listed = await xeroCall("getInvoices", xero.getInvoices(nz, undefined, where, order));
      return (listed.data as { Invoices: { Date: string }[] }).Invoices.map((i) => new Date(msDateValue(i.Date)));
    };
    const ascending = (await dates("Date ASC")).map((date) => date.toISOString().slice(0, 10));
    expect(ascending).toEqual(["2001-09-08", "2001-09-09", "2001-09-10"]);
    const descending = (await dates("Date DESC")).map((date) => date.toISOString().slice(0, 10));
    expect(descending).toEqual(["2001-09-10", "2001-09-09", "2001-09-08"]);
  });

  it("filters on Type, Status, Contact and UpdatedDateUTC with DateTime() to the second", async () => {
    const [customer] = await createContacts([unique("Where customer")]);
    const cursor = await contactsCursor();
    const start = new Date(Math.floor(cursor.getTime() / 1000) * 1000 - 1000);
    const dateTime = `DateTime(${start.getUTCFullYear()},${start.getUTCMonth() + 1},${start.getUTCDate()},${start.getUTCHours()},${start.getUTCMinutes()},${start.getUTCSeconds()})`;
    const bill = await createInvoice({
      type: Invoice.TypeEnum.ACCPAY,
      contact: { contactID: customer!.ContactID },
      lineItems: [{ description: "Bill", quantity: 1, unitAmount: 10, accountCode: "400" }],
    });
    const where = `Type=="ACCPAY" AND Status=="DRAFT" AND Contact.ContactID==Guid("${customer!.ContactID}") AND UpdatedDateUTC>=${dateTime}`;
    const listed = await xeroCall("getInvoices", xero.getInvoices(nz, undefined, where));
    expect((listed.data as { Invoices: { InvoiceID: string }[] }).Invoices.map((i) => i.InvoiceID)).toEqual([
      bill.InvoiceID,
    ]);
  });
});
