import type { PollingSpec } from "@ledgerflow/engine";
import type { XeroClientContext } from "../../xero-client-context";
import { xeroTriggerEvent } from "../xero-trigger-event";
import { pollXeroList } from "./poll-xero-list";
import type { XeroListResource } from "./xero-list-resources";

/**
 * How a trigger polls one Xero list: the changes since the cursor (`where` narrows them, e.g. to
 * sales invoices), each standing for the event Xero's webhook would have sent — CREATE the first
 * time the flow sees the record, UPDATE after. Xero's lists carry no creation time, so "first
 * seen by this flow" is the nearest Xero lets a poll come to "created".
 */
export function xeroPollingSpec(
  resourceOf: (input: Record<string, unknown>) => XeroListResource,
  whereOf: (input: Record<string, unknown>) => string | undefined = () => undefined,
): PollingSpec<XeroClientContext> {
  return {
    poll: ({ client, input, cursor, signal }) =>
      pollXeroList({ client, resource: resourceOf(input), since: cursor.since, where: whereOf(input), signal }),
    eventOf: ({ polled, previous, account }) => {
      // pollXeroList keys a record "<category>:<id>".
      const separator = polled.recordKey.indexOf(":");
      return xeroTriggerEvent({
        category: polled.recordKey.slice(0, separator),
        resourceId: polled.recordKey.slice(separator + 1),
        tenantId: account,
        eventType: previous ? "UPDATE" : "CREATE",
        at: new Date(polled.changedAt),
      });
    },
  };
}
