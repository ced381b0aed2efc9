import { type EventRecord, type PushedEvent, StepError } from "@ledgerflow/engine";
import { callXero } from "../call-xero";
import type { XeroClientContext } from "../xero-client-context";
import { withoutNoise } from "../xero-records";
import { firstRecord, isXeroEventCategory, xeroEventResources } from "./xero-event-resources";

/**
 * The record a Xero webhook event is about, fetched with the connection's token (under the rate
 * limiter, like every call). Xero's event carries only ids: the record is what steps map from.
 */
export async function loadXeroEventRecord(
  client: XeroClientContext,
  event: PushedEvent,
  signal?: AbortSignal,
): Promise<EventRecord> {
  const { eventCategory, resourceId } = event.payload;
  if (!isXeroEventCategory(eventCategory) || typeof resourceId !== "string") {
    throw new StepError(`Xero sent an event about "${String(eventCategory)}", which no trigger reads.`, {
      code: "invalid_input",
    });
  }
  const resource = xeroEventResources[eventCategory];
  const body = await callXero(client, (api) => resource.get(api, client.tenantId, resourceId), {
    operation: `load the ${resource.noun}`,
    signal,
  });
  const found = firstRecord(body, resource.collection);
  if (!found) {
    throw new StepError(`Xero has no ${resource.noun} ${resourceId} any more.`, { code: "xero_not_found" });
  }
  const record = withoutNoise(found);
  const state = Object.fromEntries(resource.stateFields.map((name) => [name, record[name] ?? null]));
  return { key: `${eventCategory}:${resourceId}`, record, state };
}
