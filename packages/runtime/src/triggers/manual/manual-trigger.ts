import type { TriggerKind } from "../trigger-kind";

// Nothing to arm: each run is started by a person ("Run now", run-flow-now.ts).
export const manualTrigger: TriggerKind<"manual"> = { runSource: "MANUAL" };
