import type { PollCursor, PushedEvent, RecordState, TriggerDefinition, TriggerFiresArgs } from "@ledgerflow/engine";
import type { XeroClientContext } from "../../xero-client-context";
import { xeroTriggers } from "../xero-triggers";

// Test helper: one flow's polling as the runtime does it (connector-trigger.ts), so the triggers'
// tests judge polled changes end to end without the worker: skip a key the flow saw, give eventOf
// the flow's previous state of the record, run when accepts and fires allow, remember the state,
// move the cursor.

/** One of the connector's triggers, by key (a test names one that exists). */
export function xeroTrigger(key: string): TriggerDefinition<XeroClientContext> {
  const found = xeroTriggers.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no trigger ${key}`);
  return found;
}

export interface FlowPoller {
  cursor: PollCursor;
  /** One poll: the runs it starts, oldest first. */
  poll(): Promise<TriggerFiresArgs[]>;
}

/** A flow switched on now (its cursor is now) with this trigger and settings. */
export function pollAsTheRuntime(
  trigger: TriggerDefinition<XeroClientContext>,
  client: XeroClientContext,
  input: Record<string, unknown> = {},
): FlowPoller {
  const { source } = trigger;
  const spec = source.kind === "polling" ? source : source.fallback;
  if (!spec) throw new Error(`${trigger.key} cannot be polled`);
  const seen = new Set<string>();
  const states = new Map<string, RecordState>();
  const poller: FlowPoller = {
    cursor: { since: new Date().toISOString() },
    async poll() {
      const result = await spec.poll({ client, input, cursor: poller.cursor });
      const runs: TriggerFiresArgs[] = [];
      for (const polled of result.records) {
        if (seen.has(polled.key)) continue;
        seen.add(polled.key);
        const previous = states.get(polled.recordKey) ?? null;
        const payload = spec.eventOf({ polled, previous, account: client.tenantId });
        const event: PushedEvent = { accountExternalId: client.tenantId, payload };
        const args = { event, record: polled.record, previous, input };
        if (source.accepts?.(event, input) !== false && source.fires?.(args) !== false) runs.push(args);
        states.set(polled.recordKey, polled.state);
      }
      poller.cursor = result.cursor;
      return runs;
    },
  };
  return poller;
}
