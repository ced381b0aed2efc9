import type { RunSource } from "@ledgerflow/db";
import { eventTrigger } from "./event/event-trigger";
import { manualTrigger } from "./manual/manual-trigger";
import { scheduleTrigger } from "./schedule/schedule-trigger";
import type { TriggerEvent } from "./trigger-event";
import type { TriggerKind } from "./trigger-kind";
import { webhookTrigger } from "./webhook/webhook-trigger";

// The trigger kinds that start runs, by the engine's trigger type. A new kind is its folder (its
// event in trigger-event.ts, its accept code, its TriggerKind) plus one line here; `satisfies`
// makes every kind with an event type have a line.
export const triggerKinds = {
  webhook: webhookTrigger,
  schedule: scheduleTrigger,
  manual: manualTrigger,
  event: eventTrigger,
} satisfies { [K in TriggerEvent["type"]]: TriggerKind<K> };

export type RunTriggerType = keyof typeof triggerKinds;

/**
 * The one place a trigger kind (the engine's and the editor's word: "webhook") becomes a Run.source
 * (the database's: WEBHOOK). A replay is not a kind: its runs are REPLAY whatever started the first.
 */
export function runSourceFor(type: RunTriggerType): RunSource {
  return triggerKinds[type].runSource;
}
