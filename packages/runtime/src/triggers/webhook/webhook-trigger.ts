import type { TriggerKind } from "../trigger-kind";

// Nothing to arm: the flow's URL token is accepted whenever the flow exists, and a switched-off
// flow's requests are recorded as SKIPPED runs (accept-webhook.ts), so they can be replayed.
export const webhookTrigger: TriggerKind<"webhook"> = { runSource: "WEBHOOK" };
