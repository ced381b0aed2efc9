import type { FlowDefinition } from "./flow-definition";
import { listActionSteps } from "./flow-steps";

/** The connections a flow definition acts with: its connector trigger's and its steps' (inside paths too). */
export function connectionIdsOf(definition: FlowDefinition): string[] {
  const trigger = definition.trigger.type === "event" ? definition.trigger.config.connectionId : undefined;
  const steps = listActionSteps(definition).flatMap((step) => (step.connectionId ? [step.connectionId] : []));
  return [...new Set([...(trigger ? [trigger] : []), ...steps])];
}
