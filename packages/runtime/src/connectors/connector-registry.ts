import {
  type AnyConnector,
  type Catalog,
  type CatalogAction,
  createCatalog,
  type TriggerDefinition,
} from "@ledgerflow/engine";

/** A set of connectors, looked up by the keys flows store (docs/ARCHITECTURE.md §5). */
export interface ConnectorRegistry {
  /** Every action and search of every connector, in registry order (the editor's picker). */
  catalog: Catalog;
  list(): readonly AnyConnector[];
  find(key: string): AnyConnector | undefined;
  /** The connector owning a key of its namespace: "xero" for "xero.createInvoice" or "xero.accounts.revenue". */
  ownerOf(namespacedKey: string): AnyConnector | undefined;
  /** A trigger by the key flows store ("xero.invoice.paid"), with its connector; undefined when none declares it. */
  findTrigger(key: string): { connector: AnyConnector; trigger: TriggerDefinition } | undefined;
}

export function createConnectorRegistry(connectors: readonly AnyConnector[]): ConnectorRegistry {
  const byKey = new Map<string, AnyConnector>();
  for (const connector of connectors) {
    if (byKey.has(connector.key)) throw new Error(`Two connectors share the key "${connector.key}"`);
    const foreign = [
      ...connector.actions.map((action) => action.key),
      ...connector.triggers.map((trigger) => trigger.key),
      ...Object.keys(connector.optionLoaders),
    ].find((key) => !key.startsWith(`${connector.key}.`));
    if (foreign) throw new Error(`"${foreign}" of connector "${connector.key}" is not in its namespace`);
    byKey.set(connector.key, connector);
  }
  const ownerOf = (namespacedKey: string) => byKey.get(namespacedKey.split(".", 1)[0] ?? "");
  const catalog = createCatalog(connectors.flatMap((connector) => connector.actions as CatalogAction[]));
  return {
    catalog,
    list: () => connectors,
    find: (key) => byKey.get(key),
    ownerOf,
    findTrigger(key) {
      const connector = ownerOf(key);
      const trigger = connector?.triggers.find((candidate) => candidate.key === key);
      return connector && trigger ? { connector, trigger } : undefined;
    },
  };
}
