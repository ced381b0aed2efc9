import type { FieldSpec, PushedEvent, TriggerDefinition, TriggerFiresArgs } from "@ledgerflow/engine";
import { callXero } from "../call-xero";
import type { XeroClientContext } from "../xero-client-context";
import { withoutNoise } from "../xero-records";
import { firstRecord, isXeroEventCategory, type XeroEventCategory, xeroEventResources } from "./xero-event-resources";

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
  eventTypes: readonly EventType[];
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
    sample: {
      event: {
        resourceId: spec.sampleRecord[resource.idField],
        tenantId: "8d4a8a1e-24b1-4a54-9a5f-2f2f2f2f2f2f",
        eventCategory: spec.category,
        eventType: spec.eventTypes[0],
        eventDateUtc: "2026-12-01T09:30:00.000",
      },
      record: spec.sampleRecord,
      previous: Object.fromEntries(resource.stateFields.map((name) => [name, spec.sampleRecord[name] ?? null])),
    },
    source: {
      kind: "instant",
      accepts: (event, input) =>
        spec.acceptsInput
          ? spec.acceptsInput(event, input)
          : eventField(event, "eventCategory") === spec.category &&
            spec.eventTypes.includes(eventField(event, "eventType") as EventType),
      fires: (args) =>
        (spec.recordType === undefined || args.record.Type === spec.recordType) && (spec.fires?.(args) ?? true),
    },
    recordLabel(record) {
      const name = nameFields.map((name) => record[name]).find((value) => typeof value === "string" && value !== "");
      return (name as string | undefined) ?? null;
    },
    async loadSample({ client, input }) {
      // The general trigger's kind of record is a setting.
      const category =
        spec.acceptsInput && isXeroEventCategory(input.eventCategory) ? input.eventCategory : spec.category;
      const resource = xeroEventResources[category];
      const body = await callXero(client, (api) => resource.recent(api, client.tenantId, spec.recentWhere), {
        operation: `load a recent ${resource.noun}`,
      });
      const found = firstRecord(body, resource.collection);
      if (!found) return null;
      const record = withoutNoise(found);
      return {
        event: {
          resourceId: record[resource.idField],
          tenantId: client.tenantId,
          eventCategory: category,
          eventType: spec.eventTypes[0],
          eventDateUtc: new Date().toISOString(),
        },
        record,
        previous: null,
      };
    },
  };
}
