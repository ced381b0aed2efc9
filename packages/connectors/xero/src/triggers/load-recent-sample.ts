import { callXero } from "../call-xero";
import type { XeroClientContext } from "../xero-client-context";
import { withoutNoise } from "../xero-records";
import type { XeroListResource } from "./polling/xero-list-resources";
import { firstRecord } from "./xero-event-resources";
import { xeroTriggerEvent } from "./xero-trigger-event";

/**
 * "Load a recent record": the organisation's most recently changed record of the trigger's kind,
 * shaped as a run's trigger carries it (the event it would have been, the record, no previous
 * state). Null when the organisation has none.
 */
export async function loadRecentSample(
  client: XeroClientContext,
  resource: XeroListResource,
  { where, eventType }: { where?: string; eventType: string },
): Promise<Record<string, unknown> | null> {
  const body = await callXero(
    client,
    (api) =>
      resource.list(api, client.tenantId, {
        where: resource.filterable ? where : undefined,
        order: "UpdatedDateUTC DESC",
        page: 1,
        pageSize: 1,
      }),
    { operation: `load a recent ${resource.noun}` },
  );
  const found = firstRecord(body, resource.collection);
  if (!found) return null;
  const record = withoutNoise(found);
  const { category, idField } = resource;
  const event = xeroTriggerEvent({
    category,
    resourceId: record[idField],
    tenantId: client.tenantId,
    eventType,
    at: new Date(),
  });
  return { event, record, previous: null };
}
