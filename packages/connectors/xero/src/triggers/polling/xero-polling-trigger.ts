import type { TriggerDefinition, TriggerFiresArgs } from "@ledgerflow/engine";
import type { XeroClientContext } from "../../xero-client-context";
import { loadRecentSample } from "../load-recent-sample";
import { sampleTriggerOutput } from "../xero-trigger-event";
import { type XeroListResource, type XeroPolledCategory, xeroListResources } from "./xero-list-resources";
import { xeroPollingSpec } from "./xero-polling-spec";

// One builder for the triggers on lists Xero does not push (payments, quotes, items…): the
// runtime polls the list for changes since the flow's cursor; each change is CREATE the first
// time the flow sees the record and UPDATE after (xero-polling-spec.ts).

export interface XeroPollingTriggerSpec {
  key: string;
  title: string;
  description: string;
  group: string;
  category: Exclude<XeroPolledCategory, "INVOICE" | "CONTACT" | "CREDITNOTE">;
  /**
   * "new": a record the flow has not seen before (the change is CREATE); "every change": each
   * change a poll finds, the first sighting of a record included.
   */
  runsOn: "new" | "every change";
  sampleRecord: Record<string, unknown>;
}

/** A record first seen deleted was created and deleted between two polls: nothing new is left of it. */
const notDeleted = ({ record }: TriggerFiresArgs) => record.Status !== "DELETED";

/** The value at a dotted path of a record ("Invoice.InvoiceNumber"). */
function valueAt(record: Record<string, unknown>, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], record);
}

/** The run history's name of a polled record: its first name field that is set. */
export function polledRecordLabel(resource: XeroListResource, record: Record<string, unknown>): string | null {
  const name = resource.nameFields
    .map((path) => valueAt(record, path))
    .find((value) => typeof value === "string" && value !== "");
  return (name as string | undefined) ?? null;
}

export function xeroPollingTrigger(spec: XeroPollingTriggerSpec): TriggerDefinition<XeroClientContext> {
  const resource = xeroListResources[spec.category];
  const eventType = spec.runsOn === "new" ? "CREATE" : "UPDATE";
  return {
    key: spec.key,
    title: spec.title,
    description: spec.description,
    group: spec.group,
    fields: [],
    sample: sampleTriggerOutput(resource, spec.sampleRecord, eventType),
    source: {
      kind: "polling",
      ...xeroPollingSpec(() => resource),
      ...(spec.runsOn === "new" ? { accepts: (event) => event.payload.eventType === "CREATE", fires: notDeleted } : {}),
    },
    recordLabel: (record) => polledRecordLabel(resource, record),
    loadSample: ({ client }) => loadRecentSample(client, resource, { eventType }),
  };
}
