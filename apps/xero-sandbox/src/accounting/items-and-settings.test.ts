import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountingApi, Invoice } from "xero-node";
import { type AccountingTestSandbox, startAccountingTestSandbox } from "../testing/accounting-test-sandbox";
import { validationMessages, xeroCall } from "../testing/xero-call";

let sandbox: AccountingTestSandbox;
let xero: AccountingApi;
let nz: string;

const code = () => `T-${randomUUID().slice(0, 8).toUpperCase()}`;

beforeAll(async () => {
  sandbox = await startAccountingTestSandbox();
  nz = sandbox.nzTenantId;
  xero = await sandbox.accounting();
});
afterAll(() => sandbox.close());

describe("Items", () => {
  it("creates an item, reads it by id and by code, and filters on Code", async () => {
    const itemCode = code();
    const created = await xeroCall(
      "createItems",
      xero.createItems(nz, {
        items: [
          {
            code: itemCode,
            name: "Test widget",
            description: "A widget",
            salesDetails: { unitPrice: 9.5, accountCode: "200", taxType: "OUTPUT2" },
          },
        ],
      }),
    );
    expect(created.status).toBe(200);
    const item = created.body!.items![0]!;
    expect(item).toMatchObject({ code: itemCode, isSold: true, isPurchased: false });

    const byId = await xeroCall("getItem", xero.getItem(nz, item.itemID!));
    expect(byId.body?.items?.[0]?.name).toBe("Test widget");
    const byCode = await xeroCall("getItem", xero.getItem(nz, itemCode));
    expect(byCode.body?.items?.[0]?.itemID).toBe(item.itemID);
    const filtered = await xeroCall("getItems", xero.getItems(nz, undefined, `Code=="${itemCode}"`));
    expect(filtered.body?.items?.map((candidate) => candidate.itemID)).toEqual([item.itemID]);
  });

  it("refuses a duplicate code, and POST updates the item with that code", async () => {
    const itemCode = code();
    await xeroCall("createItems", xero.createItems(nz, { items: [{ code: itemCode, name: "First" }] }));
    const duplicate = await xeroCall(
      "createItems",
      xero.createItems(nz, { items: [{ code: itemCode, name: "Second" }] }),
    );
    expect(duplicate.status).toBe(400);
    expect(validationMessages(duplicate.data)).toEqual([`Item code '${itemCode}' already exists`]);

    const upserted = await xeroCall(
      "updateOrCreateItems",
      xero.updateOrCreateItems(nz, { items: [{ code: itemCode, name: "Renamed" }] }),
    );
    expect(upserted.body?.items?.[0]?.name).toBe("Renamed");
    const all = await xeroCall("getItems", xero.getItems(nz, undefined, `Code=="${itemCode}"`));
    expect(all.body?.items).toHaveLength(1);
  });

  it("refuses an item whose sales account does not exist", async () => {
    const result = await xeroCall(
      "createItems",
      xero.createItems(nz, { items: [{ code: code(), salesDetails: { unitPrice: 1, accountCode: "999" } }] }),
    );
    expect(result.status).toBe(400);
    expect(validationMessages(result.data)).toEqual(["Account code '999' is not a valid code for this document."]);
  });

  it("POST /Items/{ItemID} updates that item; an unknown id is a 404", async () => {
    const itemCode = code();
    const created = await xeroCall(
      "createItems",
      xero.createItems(nz, { items: [{ code: itemCode, name: "Before" }] }),
    );
    const itemID = created.body!.items![0]!.itemID!;
    const updated = await xeroCall(
      "updateItem",
      xero.updateItem(nz, itemID, { items: [{ code: itemCode, name: "After" }] }),
    );
    expect(updated.body?.items?.[0]?.name).toBe("After");
    const missing = await xeroCall("getItem", xero.getItem(nz, randomUUID()));
    expect(missing.status).toBe(404);
  });

  it("DELETE /Items/{ItemID} answers 204 and the item is gone; an unknown id is a 404", async () => {
    const created = await xeroCall("createItems", xero.createItems(nz, { items: [{ code: code(), name: "Gone" }] }));
    const itemID = created.body!.items![0]!.itemID!;
    const deleted = await xeroCall("deleteItem", xero.deleteItem(nz, itemID));
    expect(deleted.status).toBe(204);
    expect((await xeroCall("getItem", xero.getItem(nz, itemID))).status).toBe(404);
    expect((await xeroCall("deleteItem", xero.deleteItem(nz, itemID))).status).toBe(404);
  });
});

describe("Tracking categories", () => {
  it("lists the seeded categories with their options and gets one by id", async () => {
    const listed = await xeroCall("getTrackingCategories", xero.getTrackingCategories(nz));
    const region = listed.body!.trackingCategories!.find((category) => category.name === "Region")!;
    expect(region.options?.map((option) => option.name)).toEqual(["North", "South"]);
    const one = await xeroCall("getTrackingCategory", xero.getTrackingCategory(nz, region.trackingCategoryID!));
    expect(one.body?.trackingCategories?.[0]?.name).toBe("Region");
  });

  it("creates a category and an option, refuses a duplicate option, and invoices can use the new option", async () => {
    const name = `Project ${randomUUID().slice(0, 6)}`;
    const category = await xeroCall("createTrackingCategory", xero.createTrackingCategory(nz, { name }));
    expect(category.status).toBe(200);
    const categoryId = category.body!.trackingCategories![0]!.trackingCategoryID!;

    const option = await xeroCall(
      "createTrackingOptions",
      xero.createTrackingOptions(nz, categoryId, { name: "Apollo" }),
    );
    expect(option.body?.options?.[0]?.name).toBe("Apollo");
    const duplicate = await xeroCall(
      "createTrackingOptions",
      xero.createTrackingOptions(nz, categoryId, { name: "apollo" }),
    );
    expect(duplicate.status).toBe(400);
    expect(validationMessages(duplicate.data)).toEqual(["For each specified tracking option the name must be unique."]);

    const invoice = await xeroCall(
      "createInvoices",
      xero.createInvoices(nz, {
        invoices: [
          {
            type: Invoice.TypeEnum.ACCREC,
            contact: { name: `Tracked ${randomUUID().slice(0, 6)}` },
            lineItems: [
              { description: "x", unitAmount: 1, accountCode: "200", tracking: [{ name, option: "Apollo" }] },
            ],
          },
        ],
      }),
    );
    expect(invoice.body?.invoices?.[0]?.lineItems?.[0]?.tracking?.[0]).toMatchObject({ name, option: "Apollo" });
  });
});

describe("Settings", () => {
  it("lists accounts with a where on Type and gets one by id", async () => {
    const banks = await xeroCall("getAccounts", xero.getAccounts(nz, undefined, 'Status=="ACTIVE" AND Type=="BANK"'));
    expect(banks.body?.accounts?.map((account) => account.code)).toEqual(["090", "091"]);
    const one = await xeroCall("getAccount", xero.getAccount(nz, banks.body!.accounts![0]!.accountID!));
    expect(one.body?.accounts?.[0]).toMatchObject({ code: "090", name: "Business Bank Account" });
    expect((await xeroCall("getAccount", xero.getAccount(nz, randomUUID()))).status).toBe(404);
  });

  it("lists tax rates and gets one by TaxType", async () => {
    const rates = await xeroCall("getTaxRates", xero.getTaxRates(nz));
    expect(rates.body?.taxRates?.map((rate) => rate.taxType)).toEqual(
      expect.arrayContaining(["OUTPUT2", "INPUT2", "NONE", "EXEMPTOUTPUT"]),
    );
    const gst = await xeroCall("getTaxRateByTaxType", xero.getTaxRateByTaxType(nz, "OUTPUT2"));
    expect(gst.body?.taxRates?.[0]).toMatchObject({ name: "GST on Income", effectiveRate: 15 });
    const vat = await xeroCall("getTaxRateByTaxType", xero.getTaxRateByTaxType(sandbox.ukTenantId, "OUTPUT2"));
    expect(vat.body?.taxRates?.[0]).toMatchObject({ name: "20% (VAT on Income)", effectiveRate: 20 });
  });

  it("lists currencies and the organisation, per tenant", async () => {
    const currencies = await xeroCall("getCurrencies", xero.getCurrencies(nz, 'Code=="NZD"'));
    expect(currencies.data).toEqual({ Currencies: [{ Code: "NZD", Description: "New Zealand Dollar" }] });

    const nzOrg = await xeroCall("getOrganisations", xero.getOrganisations(nz));
    expect(nzOrg.body?.organisations?.[0]).toMatchObject({
      organisationID: nz,
      name: "Demo Company (NZ)",
      baseCurrency: "NZD",
    });
    const ukOrg = await xeroCall("getOrganisations", xero.getOrganisations(sandbox.ukTenantId));
    expect(ukOrg.body?.organisations?.[0]).toMatchObject({
      name: "Harbour Books Ltd (UK)",
      baseCurrency: "GBP",
      countryCode: "GB",
    });
  });
});
