// The set of actions a flow can use, looked up by the key stored in each step. The engine only
// knows entries through the connector contract; the app builds its catalog from the connectors.
import type { ActionDefinition } from "./action-definition";

/** Any connector's action, as the engine handles it (client and input types are the connector's). */
export type CatalogAction = ActionDefinition<unknown, Record<string, unknown>, unknown>;

export interface CatalogGroup<TAction extends CatalogAction = CatalogAction> {
  group: string;
  actions: TAction[];
}

export interface Catalog<TAction extends CatalogAction = CatalogAction> {
  get(key: string): TAction | undefined;
  /** Every entry, in the order the connectors declared them. */
  list(): TAction[];
  /** Entries by `group`, groups in order of first appearance (the editor's action picker). */
  groups(): CatalogGroup<TAction>[];
}

export function createCatalog<TAction extends CatalogAction>(definitions: readonly TAction[]): Catalog<TAction> {
  const byKey = new Map<string, TAction>();
  for (const definition of definitions) {
    if (byKey.has(definition.key)) throw new Error(`Two catalog entries share the key "${definition.key}"`);
    byKey.set(definition.key, definition);
  }
  const list = [...byKey.values()];
  const groups = new Map<string, TAction[]>();
  for (const action of list) groups.set(action.group, [...(groups.get(action.group) ?? []), action]);

  return {
    get: (key) => byKey.get(key),
    list: () => [...list],
    groups: () => [...groups].map(([group, actions]) => ({ group, actions: [...actions] })),
  };
}
