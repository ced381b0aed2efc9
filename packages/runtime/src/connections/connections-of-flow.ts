import { type FlowDefinition, listActionSteps, upgradeFlowDefinition } from "@ledgerflow/engine";

/** The connections a flow definition acts with: its connector trigger's and its steps' (inside paths too). */
export function connectionIdsOf(definition: FlowDefinition): string[] {
  const trigger = definition.trigger.type === "event" ? definition.trigger.config.connectionId : undefined;
  const steps = listActionSteps(definition).flatMap((step) => (step.connectionId ? [step.connectionId] : []));
  return [...new Set([...(trigger ? [trigger] : []), ...steps])];
}

/** The same for a stored definition of any version; one that cannot be read names none. */
export function storedConnectionIds(stored: unknown): string[] {
  if (stored === null || stored === undefined) return [];
  try {
    return connectionIdsOf(upgradeFlowDefinition(stored));
  } catch {
    return [];
  }
}
