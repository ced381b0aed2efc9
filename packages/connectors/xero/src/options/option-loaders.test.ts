import { describe, expect, it } from "vitest";
import { upsertContact } from "../catalog/upsert-contact";
import { runAction, sandboxClientForFile, uniqueName } from "../testing/test-sandbox";
import { optionLoaders } from "./option-loaders";

const client = await sandboxClientForFile();

// Caching and unknown loaders are the runtime's (packages/runtime/src/connectors/load-field-options.ts).
const load = (loader: string, extra: { query?: string; dependsOn?: Record<string, unknown> } = {}) => {
  const option = optionLoaders[`xero.${loader}`];
  if (!option) throw new Error(`no loader xero.${loader}`);
  return option({ client, dependsOn: {}, ...extra });
};

const values = (options: { value: string }[]) => options.map((option) => option.value);

describe("the Xero option loaders", () => {
  it("offers revenue accounts for invoice lines and expense accounts for bills", async () => {
    expect(values(await load("accounts.revenue"))).toEqual(["200", "260", "270"]);
    expect(values(await load("accounts.expense"))).toEqual(["310", "400", "404", "429", "453", "489"]);
  });

  it("offers bank and payment-enabled accounts for payments", async () => {
    const options = await load("accounts.payment");
    expect(values(options)).toEqual(["090", "091", "620", "880"]);
    expect(options[0]).toEqual({ value: "090", label: "090 · Business Bank Account", hint: "BANK" });
  });

  it("offers the tax rates that apply to sales or to purchases", async () => {
    expect(values(await load("taxRates.sales")).sort()).toEqual(["EXEMPTOUTPUT", "NONE", "OUTPUT2", "ZERORATED"]);
    expect(values(await load("taxRates.purchases")).sort()).toEqual(["GSTONIMPORTS", "INPUT2", "NONE", "ZERORATED"]);
  });

  it("offers tracking categories, and the options of the chosen one", async () => {
    expect(values(await load("trackingCategories"))).toEqual(["Department", "Region"]);
    const options = await load("trackingOptions", { dependsOn: { TrackingCategory1: "Department" } });
    expect(values(options)).toEqual(["Sales", "Operations", "Administration"]);
    expect(await load("trackingOptions", { dependsOn: {} })).toEqual([]);
  });

  it("offers items, currencies and contacts matching what the user typed", async () => {
    expect(values(await load("items"))).toEqual(expect.arrayContaining(["BOOK", "DEV-HR", "GB1-White"]));
    expect(values(await load("currencies"))).toEqual(["AUD", "NZD", "USD"]);

    const name = uniqueName("Typeahead Traders");
    const contact = await runAction(upsertContact, client, { Name: name, EmailAddress: "ta@traders.example" });
    const found = await load("contacts", { query: name.slice(0, 18).toLowerCase() });
    expect(found).toEqual([{ value: contact.ContactID, label: name, hint: "ta@traders.example" }]);
  });
});
