import type { OptionLoaderArgs as EngineOptionLoaderArgs, OptionLoader } from "@ledgerflow/engine";
import { callXero, type XeroCall } from "../call-xero";
import type { XeroClientContext } from "../xero-client-context";
import { recordsOf, type XeroRecord } from "../xero-records";
import { accountOptions } from "./account-options";
import { taxRateOptions } from "./tax-rate-options";

type OptionLoaderArgs = EngineOptionLoaderArgs<XeroClientContext>;

async function list(args: OptionLoaderArgs, collection: string, call: XeroCall) {
  const body = await callXero(args.client, call, { operation: `load ${collection}`, signal: args.signal });
  return recordsOf(body, collection);
}

const accounts = (args: OptionLoaderArgs) =>
  list(args, "Accounts", (api) => api.getAccounts(args.client.tenantId, undefined, undefined, "Code ASC"));

const taxRates = (args: OptionLoaderArgs) =>
  list(args, "TaxRates", (api) => api.getTaxRates(args.client.tenantId, undefined, "Name ASC"));

const trackingCategories = (args: OptionLoaderArgs) =>
  list(args, "TrackingCategories", (api) => api.getTrackingCategories(args.client.tenantId, undefined, "Name ASC"));

const isActive = (record: XeroRecord) => record.Status === undefined || record.Status === "ACTIVE";

/** The chosen category, whichever tracking slot asked: the one dependency whose value is set. */
function chosenCategory(dependsOn: Record<string, unknown>): string | undefined {
  const value = Object.values(dependsOn).find((entry) => typeof entry === "string" && entry.trim() !== "");
  return value as string | undefined;
}

/** Loader keys used by the catalog's field specs (`options: { loader }`), in the connector's namespace. */
export const optionLoaders: Record<string, OptionLoader<XeroClientContext>> = {
  "xero.accounts.revenue": async (args) => accountOptions(await accounts(args), "revenue"),
  "xero.accounts.expense": async (args) => accountOptions(await accounts(args), "expense"),
  "xero.accounts.payment": async (args) => accountOptions(await accounts(args), "payment"),
  "xero.taxRates.sales": async (args) => taxRateOptions(await taxRates(args), "sales"),
  "xero.taxRates.purchases": async (args) => taxRateOptions(await taxRates(args), "purchases"),
  "xero.trackingCategories": async (args) =>
    (await trackingCategories(args))
      .filter(isActive)
      .map((category) => ({ value: String(category.Name), label: String(category.Name) })),
  "xero.trackingOptions": async (args) => {
    const name = chosenCategory(args.dependsOn);
    if (!name) return [];
    const category = (await trackingCategories(args)).find((entry) => entry.Name === name);
    const options = Array.isArray(category?.Options) ? (category.Options as XeroRecord[]) : [];
    return options.filter(isActive).map((option) => ({ value: String(option.Name), label: String(option.Name) }));
  },
  "xero.items": async (args) =>
    (await list(args, "Items", (api) => api.getItems(args.client.tenantId, undefined, undefined, "Code ASC"))).map(
      (item) => ({ value: String(item.Code), label: item.Name ? `${item.Code} · ${item.Name}` : String(item.Code) }),
    ),
  "xero.contacts": async (args) => {
    const searchTerm = args.query?.trim() || undefined;
    // First page of 50, summary fields only; Xero leaves archived contacts out unless asked.
    const contacts = await list(args, "Contacts", (api) =>
      api.getContacts(
        args.client.tenantId,
        undefined,
        undefined,
        "Name ASC",
        undefined,
        1,
        false,
        true,
        searchTerm,
        50,
      ),
    );
    return contacts.map((contact) => ({
      value: String(contact.ContactID),
      label: String(contact.Name),
      hint: typeof contact.EmailAddress === "string" && contact.EmailAddress ? contact.EmailAddress : undefined,
    }));
  },
  "xero.currencies": async (args) =>
    (await list(args, "Currencies", (api) => api.getCurrencies(args.client.tenantId, undefined, "Code ASC"))).map(
      (currency) => ({ value: String(currency.Code), label: `${currency.Code} · ${currency.Description}` }),
    ),
};
