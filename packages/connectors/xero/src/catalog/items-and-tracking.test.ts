import { describe, expect, it } from "vitest";
import { stepErrorOf } from "../testing/step-error-of";
import { runAction, sandboxClientForFile, uniqueName } from "../testing/test-sandbox";
import { createItem } from "./create-item";
import { findItems } from "./find-items";
import { getTrackingCategories } from "./get-tracking-categories";

const client = await sandboxClientForFile();

const newCode = () => uniqueName("IT").replace(" ", "-").toUpperCase();

describe("xero.createItem", () => {
  it("creates an item with sales and purchase defaults and returns its ItemID and Code", async () => {
    const code = newCode();
    const item = await runAction(createItem, client, {
      Code: code,
      Name: "Workshop seat",
      Description: "One seat at a half-day workshop",
      SalesUnitPrice: "95",
      SalesAccountCode: "200",
      SalesTaxType: "OUTPUT2",
      PurchaseUnitPrice: 40,
      PurchaseAccountCode: "310",
    });
    expect(item).toMatchObject({
      Code: code,
      Name: "Workshop seat",
      SalesDetails: { UnitPrice: 95, AccountCode: "200", TaxType: "OUTPUT2" },
      PurchaseDetails: { UnitPrice: 40, AccountCode: "310" },
    });
    expect(item.ItemID).toEqual(expect.any(String));
  });

  it("creates one item when retried with the same idempotency key", async () => {
    const code = newCode();
    const idempotencyKey = `run-${code}:item`;
    const first = await runAction(createItem, client, { Code: code, Name: "Retry" }, { idempotencyKey });
    const second = await runAction(createItem, client, { Code: code, Name: "Retry" }, { idempotencyKey });
    expect(second.ItemID).toBe(first.ItemID);
  });

  it("surfaces Xero's refusal of a duplicate code verbatim", async () => {
    const error = await stepErrorOf(runAction(createItem, client, { Code: "BOOK", Name: "Another book" }));
    expect(error).toMatchObject({ code: "xero_validation", message: "Item code 'BOOK' already exists" });
    expect(error.field).toBe("Code");
  });

  it("checks the code's length before calling Xero", async () => {
    const error = await stepErrorOf(runAction(createItem, client, { Code: "X".repeat(31) }));
    expect(error).toMatchObject({
      code: "invalid_input",
      field: "Code",
      message: "Item code must be at most 30 characters, but has 31",
    });
  });
});

describe("xero.findItems", () => {
  it("finds one item by its code, with its fields at the top level", async () => {
    const result = await runAction(findItems, client, { find: "byCode", Code: "DEV-HR" });
    expect(result).toMatchObject({ found: true, count: 1, Code: "DEV-HR", Name: "Development hour" });
    expect(result.items).toHaveLength(1);
  });

  it("lists every item, including new ones", async () => {
    const code = newCode();
    await runAction(createItem, client, { Code: code });
    const result = await runAction(findItems, client, { find: "all" });
    const codes = result.items.map((item) => item.Code);
    expect(codes).toEqual(expect.arrayContaining(["BOOK", "DEV-HR", "GB1-White", code]));
    expect(result.count).toBe(result.items.length);
  });

  it("fails or carries on when no item has the code, as the step chooses", async () => {
    await expect(runAction(findItems, client, { Code: "NO-SUCH", ifNotFound: "continue" })).resolves.toEqual({
      found: false,
      count: 0,
      items: [],
    });
    const error = await stepErrorOf(runAction(findItems, client, { Code: "NO-SUCH" }));
    expect(error).toMatchObject({ code: "not_found", field: "Code", message: 'No Xero item has the code "NO-SUCH".' });
  });
});

describe("xero.getTrackingCategories", () => {
  it("lists the categories with their options", async () => {
    const result = await runAction(getTrackingCategories, client, {});
    const byName = Object.fromEntries(
      result.items.map((category) => [
        category.Name,
        (category.Options as Record<string, unknown>[]).map((option) => option.Name),
      ]),
    );
    expect(byName).toMatchObject({
      Region: ["North", "South"],
      Department: ["Sales", "Operations", "Administration"],
    });
    expect(result.count).toBe(result.items.length);
  });
});
