import { triggerPolling } from "@ledgerflow/engine";
import { appConnectors } from "../../connectors/app-connectors";
import { armPoll, disarmPoll } from "../poll/arm-poll";
import type { TriggerKind } from "../trigger-kind";

// A connector's trigger ("Invoice paid"). Pushed events need nothing armed: the fan-out
// (fan-out-connector-events.ts) finds the published flows they start when each event arrives. A
// trigger that polls — by nature, or an instant one while its provider's pushes are not configured
// — gets its flow's polls armed (poll/arm-poll.ts).
export const eventTrigger: TriggerKind<"event"> = {
  runSource: "EVENT",
  async arm(flow, { config }) {
    const found = appConnectors().findTrigger(config.event);
    if (!found || !config.connectionId || !triggerPolling(found.connector, found.trigger)) {
      await disarmPoll(flow.id);
      return;
    }
    await armPoll(flow, {
      triggerKey: found.trigger.key,
      connectionId: config.connectionId,
      pollEverySeconds: config.pollEverySeconds,
      includeRecentDays: config.includeRecentDays,
    });
  },
  disarm: disarmPoll,
};
