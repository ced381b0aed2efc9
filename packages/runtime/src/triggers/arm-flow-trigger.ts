import type { FlowTrigger } from "@ledgerflow/engine";
import type { TriggerKind } from "./trigger-kind";
import { type RunTriggerType, triggerKinds } from "./trigger-kinds";

const kinds = Object.entries(triggerKinds) as [RunTriggerType, TriggerKind][];

/**
 * At publish: arms the published trigger's kind and disarms every other kind's, so a flow whose
 * trigger changed (a schedule became a webhook) stops being started the old way.
 */
export async function armFlowTrigger(flow: { id: string; workspaceId: string }, trigger: FlowTrigger): Promise<void> {
  for (const [type, kind] of kinds) {
    if (type === trigger.type) await kind.arm?.(flow, trigger);
    else await kind.disarm?.(flow.id);
  }
}

/** At switch-off: disarms every kind, whatever the flow's trigger was when it was published. */
export async function disarmFlowTriggers(flowId: string): Promise<void> {
  for (const [, kind] of kinds) await kind.disarm?.(flowId);
}
