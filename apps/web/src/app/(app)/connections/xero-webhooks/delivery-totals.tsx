import type { ConnectorDeliveries } from "@ledgerflow/runtime";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/local-time";
import { Card } from "@/components/ui/card";

interface DeliveryTotalsProps {
  totals: ConnectorDeliveries["totals"];
  lastReceivedAt: Date | null;
}

const count = new Intl.NumberFormat("en");

/** Everything Xero has delivered since the app was installed, at a glance. */
export function DeliveryTotals({ totals, lastReceivedAt }: DeliveryTotalsProps) {
  const facts: { term: string; value: ReactNode; hint: string }[] = [
    {
      term: "Verified deliveries",
      value: count.format(totals.deliveries),
      hint: "Signed with the key. Unsigned requests are refused and not counted.",
    },
    {
      term: "Events stored",
      value: count.format(totals.eventsStored),
      hint: `Of ${count.format(totals.eventsReceived)} received: a redelivered event is stored once.`,
    },
    {
      term: "Waiting to start flows",
      value: count.format(totals.eventsWaiting),
      hint:
        totals.eventsFailingToLoad > 0
          ? `${count.format(totals.eventsFailingToLoad)} could not load their record from Xero yet and are retried; a reconnect fixes an expired connection.`
          : "Stored, and about to start the flows they trigger.",
    },
    {
      term: "Failures",
      value: count.format(totals.failures),
      hint: "Signed, but not in Xero's format: refused with 400.",
    },
    {
      term: "Last delivery",
      value: lastReceivedAt ? <LocalTime value={lastReceivedAt} /> : "Never",
      hint: "When Xero last reached this URL with a good signature.",
    },
  ];
  return (
    <section aria-labelledby="delivery-totals-heading">
      <h2 id="delivery-totals-heading" className="sr-only">
        Totals
      </h2>
      <Card>
        <dl className="grid grid-cols-2 divide-slate-100 lg:grid-cols-5 lg:divide-x">
          {facts.map(({ term, value, hint }) => (
            <div key={term} className="flex min-w-0 flex-col gap-1 p-4 sm:p-5">
              <dt className="text-xs font-medium text-slate-500">{term}</dt>
              <dd className="text-xl font-semibold text-slate-900 tabular-nums">{value}</dd>
              <dd className="text-xs text-slate-500">{hint}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </section>
  );
}
