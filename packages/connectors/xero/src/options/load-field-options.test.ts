import { randomUUID } from "node:crypto";
import { StepError } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { upsertContact } from "../catalog/upsert-contact";
import { runAction, sandboxClientForFile, uniqueName } from "../testing/test-sandbox";
import { loadFieldOptions } from "./load-field-options";

const client = await sandboxClientForFile();

/** Each test uses a connection id of its own, so its cache entries are its own. */
const load = (loader: string, extra: { query?: string; dependsOn?: Record<string, unknown>; refresh?: boolean } = {}) =>
  loadFieldOptions({ loader, client, connectionId: `conn-${randomUUID()}`, ...extra });

const values = (options: { value: string }[]) => options.map((option) => option.value);

describe("loadFieldOptions", () => {
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

  it("serves the cached options until a refresh reloads them from Xero", async () => {
    const connectionId = `conn-${randomUUID()}`;
    const request = { loader: "trackingOptions", client, connectionId, dependsOn: { TrackingCategory1: "Region" } };
    expect(values(await loadFieldOptions(request))).toEqual(["North", "South"]);

    const [region] = (await client.accounting.getTrackingCategories(client.tenantId, 'Name=="Region"')).body
      .trackingCategories!;
    const optionName = uniqueName("East");
    await client.accounting.createTrackingOptions(client.tenantId, region!.trackingCategoryID!, { name: optionName });

    expect(values(await loadFieldOptions(request))).toEqual(["North", "South"]);
    expect(values(await loadFieldOptions({ ...request, refresh: true }))).toEqual(["North", "South", optionName]);
    // The refresh rewrote the cache: later calls see the new option too.
    expect(values(await loadFieldOptions(request))).toEqual(["North", "South", optionName]);
  });

  it("refuses an unknown loader, naming it", async () => {
    const error = await load("vendors").then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StepError);
    expect(error).toMatchObject({
      code: "invalid_input",
      field: "loader",
      message: 'loader: Unknown option loader "vendors"',
    });
  });
});
