import type { TriggerKind } from "../trigger-kind";
import { armSchedule, disarmSchedule } from "./arm-schedule";

// A schedule fires from a BullMQ job scheduler (arm-schedule.ts), which must exist exactly while
// the flow is switched on with a schedule trigger; each firing becomes a run (fire-schedule.ts).
export const scheduleTrigger: TriggerKind<"schedule"> = {
  runSource: "SCHEDULE",
  arm: (flow, trigger) => armSchedule(flow, trigger.config),
  disarm: disarmSchedule,
};
