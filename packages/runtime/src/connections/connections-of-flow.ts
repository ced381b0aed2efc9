import { connectionIdsOf, upgradeFlowDefinition } from "@ledgerflow/engine";

/** The connections a stored flow definition of any version acts with; one that cannot be read names none. */
export function storedConnectionIds(stored: unknown): string[] {
  if (stored === null || stored === undefined) return [];
  try {
    return connectionIdsOf(upgradeFlowDefinition(stored));
  } catch {
    return [];
  }
}
