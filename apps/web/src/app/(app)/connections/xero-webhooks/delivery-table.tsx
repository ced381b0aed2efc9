import type { ConnectorDeliveryRow } from "@ledgerflow/runtime";
import { InboxIcon, ShieldCheckIcon } from "lucide-react";
import { LocalTime } from "@/components/local-time";
import { plural } from "@/components/plural";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";

// Phones show the time alone, with the rest under it.
const columns: DataTableColumn[] = [
  { label: "Received" },
  { label: "Signature", className: "hidden sm:table-cell" },
  { label: "Events", className: "hidden sm:table-cell" },
  { label: "Outcome", className: "hidden sm:table-cell" },
];

/** "3 events"; an empty batch is what Xero's "Send intent to receive" check sends; a refused body is not read. */
function eventsText({ eventCount, failure }: ConnectorDeliveryRow) {
  if (failure !== null) return "Not read";
  if (eventCount === 0) return "None (intent to receive)";
  return plural(eventCount, "event");
}

/** The latest deliveries, newest first. On phones signature, events and outcome stack under the time. */
export function DeliveryTable({ deliveries }: { deliveries: ConnectorDeliveryRow[] }) {
  return (
    <section aria-labelledby="deliveries-heading" className="flex flex-col gap-3">
      <h2 id="deliveries-heading" className="text-base font-semibold text-slate-900">
        Latest deliveries
      </h2>
      {deliveries.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title="Nothing delivered yet">
          Each signed request Xero sends to the webhook URL is listed here. Press &ldquo;Send intent to receive&rdquo;
          in Xero to see the first one.
        </EmptyState>
      ) : (
        <DataTable caption="Latest deliveries, newest first" columns={columns}>
          {deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <td className="px-4 py-3 align-top text-slate-700 sm:whitespace-nowrap">
                <LocalTime value={delivery.receivedAt} format="exact" />
                {/* Phones: the other columns stack under the time instead. */}
                <span className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 sm:hidden">
                  <VerifiedBadge />
                  <span className="text-xs text-slate-600">{eventsText(delivery)}</span>
                  <Outcome delivery={delivery} />
                </span>
              </td>
              <td className="hidden px-4 py-3 align-top sm:table-cell">
                <VerifiedBadge />
              </td>
              <td className="hidden px-4 py-3 align-top whitespace-nowrap text-slate-700 sm:table-cell">
                {eventsText(delivery)}
              </td>
              <td className="hidden w-full max-w-0 px-4 py-3 align-top sm:table-cell">
                <Outcome delivery={delivery} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** Stored, or refused with the reason (which names the field of the body that is not Xero's). */
function Outcome({ delivery }: { delivery: ConnectorDeliveryRow }) {
  if (delivery.failure === null) return <Badge tone="success">Stored</Badge>;
  return (
    <span className="flex w-full flex-col items-start gap-1">
      <Badge tone="danger">Refused</Badge>
      <span className="text-xs break-words text-slate-600">{delivery.failure}</span>
    </span>
  );
}

/** Every listed delivery passed the signature check: the endpoint records no other. */
function VerifiedBadge() {
  return (
    <Badge tone="info">
      <ShieldCheckIcon aria-hidden className="size-3.5" />
      Verified
    </Badge>
  );
}
