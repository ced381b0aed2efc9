import { serverEnv } from "@ledgerflow/config";
import { xeroConnector } from "@ledgerflow/connector-xero";
import { xeroWebhookEndpoint } from "@ledgerflow/connector-xero/webhook-endpoint";
import { listConnectorDeliveries } from "@ledgerflow/runtime";
import { ArrowLeftIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/page-header";
import { requireWorkspace } from "@/server/with-workspace";
import { DeliveryTable } from "./delivery-table";
import { DeliveryTotals } from "./delivery-totals";
import { WebhookSetup } from "./webhook-setup";

export const metadata: Metadata = { title: "Xero webhooks" };

/**
 * The operator's view of Xero's webhooks (issue #14): the URL to give Xero, whether a key checks
 * its signatures, and what has arrived. The deliveries are the whole app's, so owners only: anyone
 * else gets the 404 page.
 */
export default async function XeroWebhooksPage() {
  const { role } = await requireWorkspace("OWNER");
  const endpoint = xeroWebhookEndpoint();
  const url = new URL(endpoint.path, serverEnv().NEXTAUTH_URL).toString();
  const { totals, latest } = await listConnectorDeliveries({ role, provider: xeroConnector.key });

  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-4 py-6 sm:px-6 lg:py-8">
      <Link
        href="/connections"
        className="inline-flex items-center gap-1.5 self-start text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeftIcon aria-hidden className="size-4" />
        Connections
      </Link>
      <PageHeader
        title="Xero webhooks"
        description="Xero tells Ledgerflow the moment an invoice or a contact changes, so flows with a Xero trigger start at once instead of waiting to ask."
      />
      <WebhookSetup url={url} keySource={endpoint.keySource} />
      <DeliveryTotals totals={totals} lastReceivedAt={latest[0]?.receivedAt ?? null} />
      <DeliveryTable deliveries={latest} />
    </div>
  );
}
