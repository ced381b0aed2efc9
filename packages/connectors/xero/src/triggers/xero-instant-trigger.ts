import type { FieldSpec, PushedEvent, TriggerDefinition, TriggerFiresArgs } from "@ledgerflow/engine";
import type { XeroClientContext } from "../xero-client-context";
import { loadRecentSample } from "./load-recent-sample";
import { xeroListResources } from "./polling/xero-list-resources";
import { xeroPollingSpec } from "./polling/xero-polling-spec";
import { isXeroEventCategory, type XeroEventCategory, xeroEventResources } from "./xero-event-resources";
import { sampleTriggerOutput } from "./xero-trigger-event";

// One builder for the triggers Xero's webhooks start: each names the record kind and the event
// types it listens to (checked on the event alone, before any call) and, where Xero's event is too
// coarse ("an invoice was updated"), the rule on the loaded record that makes it fire.

type EventType = "CREATE" | "UPDATE";

export interface XeroInstantTriggerSpec {
  key: string;
  title: string;
  description: string;
  group: string;
  category: XeroEventCategory;
  eventTypes: readonly [EventType, ...EventType[]];
  /** Invoices and credit notes: which side of the books (sales ACCREC…, purchases ACCPAY…). */
  recordType?: string;
  /** The rule on the record and its previous state; absent: every accepted event fires. */
  fires?(args: TriggerFiresArgs): boolean;
  /** Xero's `where` for "Load a recent record". */
  recentWhere?: string;
  /** The record in the sample (as Xero sends one). */
  sampleRecord: Record<string, unknown>;
  fields?: FieldSpec[];
  /** For triggers with settings (the general "Xero event"): which category and event types the input selects. */
  acceptsInput?(event: PushedEvent, input: Record<string, unknown>): boolean;
}

function eventField(event: PushedEvent, name: string): unknown {
  return event.payload[name];
}

export function xeroInstantTrigger(spec: XeroInstantTriggerSpec): TriggerDefinition<XeroClientContext> {
  const resource = xeroEventResources[spec.category];
  // The general trigger's kind of record is a setting.
  const categoryOf = (input: Record<string, unknown>): XeroEventCategory =>
    spec.acceptsInput && isXeroEventCategory(input.eventCategory) ? input.eventCategory : spec.category;
  // The trigger's own kind of record first; the general trigger's records may be of any kind.
  const nameFields = [
    ...new Set([resource.nameField, ...Object.values(xeroEventResources).map((other) => other.nameField)]),
  ];
  return {
    key: spec.key,
    title: spec.title,
    description: spec.description,
    group: spec.group,
    fields: spec.fields ?? [],
    sample: sampleTriggerOutput(xeroListResources[spec.category], spec.sampleRecord, spec.eventTypes[0]),
    source: {
      kind: "instant",
      accepts: (event, input) =>
        spec.acceptsInput
          ? spec.acceptsInput(event, input)
          : eventField(event, "eventCategory") === spec.category &&
            spec.eventTypes.includes(eventField(event, "eventType") as EventType),
      fires: (args) =>
        (spec.recordType === undefined || args.record.Type === spec.recordType) && (spec.fires?.(args) ?? true),
      // Without Xero's pushes the same changes are polled for: each stands for the webhook event
      // Xero would have sent, with the state a pushed one remembers, so `accepts` and `fires`
      // judge it alike. Xero's lists carry no creation time: CREATE means first seen by the flow.
      fallback: xeroPollingSpec(
        (input) => xeroListResources[categoryOf(input)],
        () => (spec.recordType === undefined ? undefined : `Type=="${spec.recordType}"`),
      ),
    },
    recordLabel(record) {
      const name = nameFields.map((name) => record[name]).find((value) => typeof value === "string" && value !== "");
      return (name as string | undefined) ?? null;
    },
    loadSample: ({ client, input }) =>
      loadRecentSample(client, xeroListResources[categoryOf(input)], {
        where: spec.recentWhere,
        eventType: spec.eventTypes[0],
      }),
  };
}
