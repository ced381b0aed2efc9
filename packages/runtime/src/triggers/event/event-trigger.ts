import type { TriggerKind } from "../trigger-kind";

// A connector's trigger ("Invoice paid"). Pushed events need nothing armed: the fan-out
// (fan-out-connector-events.ts) finds the published flows they start when each event arrives.
export const eventTrigger: TriggerKind<"event"> = {
  runSource: "EVENT",
};
