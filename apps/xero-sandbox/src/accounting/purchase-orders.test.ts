import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountingApi, LineAmountTypes, PurchaseOrder } from "xero-node";
import { type AccountingTestSandbox, startAccountingTestSandbox } from "../testing/accounting-test-sandbox";
import { elementsOf, firstElement, type WireDocument } from "../testing/wire-document";
import { validationMessages, xeroCall, xeroGet } from "../testing/xero-call";

let sandbox: AccountingTestSandbox;
let xero: AccountingApi;
let nz: string;

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;
const { StatusEnum } = PurchaseOrder;

type WirePurchaseOrder = WireDocument & {
  PurchaseOrderID: string;
  PurchaseOrderNumber: string;
  DeliveryDate?: string;
  AttentionTo?: string;
  TotalDiscount: number;
};

beforeAll(async () => {
  sandbox = await startAccountingTestSandbox();
  nz = sandbox.nzTenantId;
  xero = await sandbox.accounting();
});
afterAll(() => sandbox.close());

const order = (overrides: Partial<PurchaseOrder> = {}): PurchaseOrder => ({
  contact: { name: unique("Supplier") },
  date: "2024-06-03",
  lineItems: [{ itemCode: "GB1-White", quantity: 100 }],
  ...overrides,
});

const ordersOf = (data: unknown) => elementsOf<WirePurchaseOrder>(data, "PurchaseOrders");
const create = (body: PurchaseOrder) =>
  xeroCall("createPurchaseOrders", xero.createPurchaseOrders(nz, { purchaseOrders: [body] }));
const createOk = (body: PurchaseOrder) => firstElement<WirePurchaseOrder>(create(body), "PurchaseOrders");

async function setStatus(id: string, status: PurchaseOrder.StatusEnum) {
  return xeroCall(
    "updatePurchaseOrder",
    xero.updatePurchaseOrder(nz, id, { purchaseOrders: [{ status } as PurchaseOrder] }),
  );
}

describe("PurchaseOrders", () => {
  it("numbers orders PO-0001…, fills lines from the item's purchase details and keeps the delivery details", async () => {
    const first = await createOk(
      order({ deliveryDate: "2024-06-17", attentionTo: "Goods inwards", deliveryInstructions: "Dock 2" }),
    );
    expect(first).toMatchObject({
      PurchaseOrderNumber: "PO-0001",
      Status: "DRAFT",
      AttentionTo: "Goods inwards",
      SubTotal: 275,
      TotalTax: 41.25,
      Total: 316.25,
      TotalDiscount: 0,
    });
    expect(first.DeliveryDate).toBe("/Date(1718582400000+0000)/");
    expect(first.LineItems[0]).toMatchObject({ AccountCode: "310", TaxType: "INPUT2", UnitAmount: 2.75 });
    expect((await createOk(order())).PurchaseOrderNumber).toBe("PO-0002");

    const duplicate = await create(order({ purchaseOrderNumber: "PO-0001" }));
    expect(duplicate.status).toBe(400);
    expect(validationMessages(duplicate.data)).toEqual(["Order number must be unique"]);
  });

  it("gets an order by id or by number, and 404s an unknown one", async () => {
    const created = await createOk(order({ purchaseOrderNumber: unique("PO-HAND") }));
    const byId = await xeroCall("getPurchaseOrder", xero.getPurchaseOrder(nz, created.PurchaseOrderID));
    expect(ordersOf(byId.data)).toEqual([created]);
    const byNumber = await xeroCall(
      "getPurchaseOrderByNumber",
      xero.getPurchaseOrderByNumber(nz, created.PurchaseOrderNumber),
    );
    expect(ordersOf(byNumber.data)).toEqual([created]);
    expect((await xeroCall("getPurchaseOrder", xero.getPurchaseOrder(nz, randomUUID()))).status).toBe(404);
  });

  it("moves DRAFT → SUBMITTED → AUTHORISED → BILLED and back to AUTHORISED, each change advancing UpdatedDateUTC", async () => {
    let current = await createOk(order());
    for (const status of [StatusEnum.SUBMITTED, StatusEnum.AUTHORISED, StatusEnum.BILLED, StatusEnum.AUTHORISED]) {
      const moved = await setStatus(current.PurchaseOrderID, status);
      expect(moved.status, JSON.stringify(moved.data)).toBe(200);
      const [next] = ordersOf(moved.data);
      expect(next!.Status).toBe(String(status));
      expect(next!.UpdatedDateUTC > current.UpdatedDateUTC).toBe(true);
      current = next!;
    }
  });

  it("refuses the moves Xero refuses", async () => {
    const billed = await createOk(order({ status: StatusEnum.AUTHORISED }));
    await setStatus(billed.PurchaseOrderID, StatusEnum.BILLED);
    expect(validationMessages((await setStatus(billed.PurchaseOrderID, StatusEnum.DELETED)).data)).toEqual([
      "Purchase Order of status 'BILLED' cannot be changed to 'DELETED'.",
    ]);
    const approved = await createOk(order({ status: StatusEnum.AUTHORISED }));
    expect(validationMessages((await setStatus(approved.PurchaseOrderID, StatusEnum.DRAFT)).data)).toEqual([
      "Purchase Order of status 'AUTHORISED' cannot be changed to 'DRAFT'.",
    ]);
    const deleted = await createOk(order());
    await setStatus(deleted.PurchaseOrderID, StatusEnum.DELETED);
    const edited = await xeroCall(
      "updatePurchaseOrder",
      xero.updatePurchaseOrder(nz, deleted.PurchaseOrderID, {
        purchaseOrders: [{ reference: "late" } as PurchaseOrder],
      }),
    );
    expect(validationMessages(edited.data)).toEqual(["Purchase Order of status 'DELETED' cannot be edited."]);
    expect(validationMessages((await create(order({ status: StatusEnum.BILLED }))).data)).toEqual([
      "Purchase Order Status 'BILLED' is not valid for creation.",
    ]);
  });

  it("recomputes the lines when the amount type changes", async () => {
    const created = await createOk(
      order({ lineItems: [{ description: "Paper", unitAmount: 115, accountCode: "453" }] }),
    );
    const inclusive = await xeroCall(
      "updatePurchaseOrder",
      xero.updatePurchaseOrder(nz, created.PurchaseOrderID, {
        purchaseOrders: [{ lineAmountTypes: LineAmountTypes.Inclusive } as PurchaseOrder],
      }),
    );
    expect(ordersOf(inclusive.data)[0]).toMatchObject({ SubTotal: 100, TotalTax: 15, Total: 115 });
  });

  it("lists with Status, DateFrom/DateTo, where, order and page with pagination", async () => {
    const supplier = unique("Listed supplier");
    const dates = ["2023-01-05", "2023-02-05", "2023-03-05"];
    const created = [];
    for (const date of dates) created.push(await createOk(order({ contact: { name: supplier }, date })));
    await setStatus(created[1]!.PurchaseOrderID, StatusEnum.SUBMITTED);
    const numbers = (data: unknown) => ordersOf(data).map((found) => found.PurchaseOrderNumber);
    const [jan, feb, mar] = created.map((found) => found.PurchaseOrderNumber);

    const submitted = await xeroCall(
      "getPurchaseOrders",
      xero.getPurchaseOrders(nz, undefined, "SUBMITTED", "2023-01-01", "2023-12-31"),
    );
    expect(numbers(submitted.data)).toEqual([feb]);
    const ranged = await xeroCall(
      "getPurchaseOrders",
      xero.getPurchaseOrders(nz, undefined, undefined, "2023-02-05", "2023-03-05", "Date DESC"),
    );
    expect(numbers(ranged.data)).toEqual([mar, feb]);
    const paged = await xeroCall(
      "getPurchaseOrders",
      xero.getPurchaseOrders(nz, undefined, undefined, "2023-01-01", "2023-12-31", "Date ASC", 1, 2),
    );
    expect(numbers(paged.data)).toEqual([jan, feb]);
    expect(paged.data).toMatchObject({ pagination: { page: 1, pageSize: 2, pageCount: 2, itemCount: 3 } });

    const where = `Contact.Name=="${supplier}" AND Status!="SUBMITTED"`;
    const filtered = await xeroGet(
      "getPurchaseOrders",
      `${sandbox.url}/api.xro/2.0/PurchaseOrders?where=${encodeURIComponent(where)}`,
      { accessToken: await sandbox.token(), tenantId: nz },
    );
    expect(numbers(filtered.data)).toEqual([jan, mar]);
  });
});
