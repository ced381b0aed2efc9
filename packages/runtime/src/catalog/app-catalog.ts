import { type XeroActionDefinition, xeroCatalog } from "@ledgerflow/connector-xero";
import { type Catalog, createCatalog } from "@ledgerflow/engine";

let catalog: Catalog | undefined;

/** Every action and search the app offers (today: Xero's). */
export function appCatalog(): Catalog {
  catalog ??= createCatalog(xeroCatalog);
  return catalog;
}

/** The Xero action behind a catalog key, for its scopes; undefined for unknown keys. */
export function xeroActionFor(key: string): XeroActionDefinition | undefined {
  return (xeroCatalog as XeroActionDefinition[]).find((action) => action.key === key);
}
