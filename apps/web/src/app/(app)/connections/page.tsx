import { appConnectors, listConnections, listFlows, listFlowsUsingConnections, roleAllows } from "@ledgerflow/runtime";
import { ChevronRightIcon, PlugIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/page-header";
import { plural } from "@/components/plural";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireWorkspace } from "@/server/with-workspace";
import { AddSecretConnectionDialog } from "./add-secret-connection-dialog";
import { ConnectedNextStep } from "./connected-next-step";
import { ConnectionRow } from "./connection-row";
import { StartConnectionButton } from "./start-connection-button";

export const metadata: Metadata = { title: "Connections" };

interface ConnectionsPageProps {
  searchParams: Promise<{ connected?: string; denied?: string }>;
}

/** What the OAuth callback reports back through the URL, as a sentence. */
function callbackNotice({ connected, denied }: { connected?: string; denied?: string }) {
  if (denied) {
    return {
      tone: "warning" as const,
      text: "Access wasn't allowed in Xero, so nothing was connected. Try again whenever you're ready.",
    };
  }
  const count = Number(connected);
  if (Number.isInteger(count) && count > 0) {
    return { tone: "success" as const, text: `Connected ${plural(count, "Xero organisation")}.` };
  }
  return null;
}

export default async function ConnectionsPage({ searchParams }: ConnectionsPageProps) {
  const { workspace, role } = await requireWorkspace();
  const [connections, flowsUsing] = await Promise.all([
    listConnections({ workspaceId: workspace.id }),
    listFlowsUsingConnections({ workspaceId: workspace.id }),
  ]);
  const canManage = roleAllows(role, "EDITOR");
  // The webhooks page shows the whole app's deliveries: owners only (xero-webhooks/page.tsx).
  const isOwner = roleAllows(role, "OWNER");
  const notice = callbackNotice(await searchParams);
  const connectors = appConnectors();
  // Connectors whose connection is typed in (HTTP's credentials) rather than granted through a consent.
  const typedIn = connectors
    .list()
    .flatMap((connector) =>
      connector.auth.kind === "secret"
        ? [{ provider: connector.key, noun: connector.auth.accountNoun, fields: connector.auth.fields }]
        : [],
    );
  const addButtons = canManage ? (
    <div className="flex flex-wrap items-start justify-end gap-2">
      {typedIn.map((connector) => (
        <AddSecretConnectionDialog key={connector.provider} {...connector} />
      ))}
      <StartConnectionButton label="+ Add a Xero connection" />
    </div>
  ) : null;

  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-4 py-6 sm:px-6 lg:py-8">
      <PageHeader
        title="Connections"
        description="Each Xero connection lets your flows work in one Xero organisation; an HTTP connection holds another app's API key. Tokens and keys are encrypted and never leave the server."
        actions={addButtons}
      />
      {notice ? (
        <p
          role={notice.tone === "warning" ? "alert" : "status"}
          className={
            notice.tone === "warning"
              ? "rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
              : "rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200"
          }
        >
          {notice.text}
        </p>
      ) : null}
      {notice?.tone === "success" && canManage ? (
        <ConnectedNextStep hasFlows={(await listFlows({ workspaceId: workspace.id })).flows.length > 0} />
      ) : null}
      {!canManage ? (
        <p className="text-sm text-slate-500">
          You can view connections; adding or removing them needs the editor role.
        </p>
      ) : null}
      {connections.length === 0 ? (
        <EmptyState icon={<PlugIcon />} title="No connections yet" actions={addButtons}>
          Connect a Xero organisation to create contacts, invoices and payments from your flows.
        </EmptyState>
      ) : (
        <Card>
          <ul aria-label="Connections" className="divide-y divide-slate-100">
            {connections.map((connection) => {
              const connector = connectors.find(connection.provider);
              return (
                <ConnectionRow
                  key={connection.id}
                  connection={connection}
                  providerTitle={connector?.title ?? connection.provider}
                  reconnectable={connector?.auth.kind === "oauth2"}
                  canManage={canManage}
                  flows={flowsUsing.get(connection.id) ?? []}
                />
              );
            })}
          </ul>
        </Card>
      )}
      {isOwner ? (
        <Card>
          <Link
            href="/connections/xero-webhooks"
            className="group flex items-center justify-between gap-4 rounded-xl px-5 py-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
          >
            <span className="flex min-w-0 flex-col gap-1">
              <span className="font-medium text-slate-900 group-hover:text-brand-700">Xero webhooks</span>
              <span className="text-sm text-slate-500">
                The URL to give Xero for instant triggers, its key, and what Xero has delivered.
              </span>
            </span>
            <ChevronRightIcon aria-hidden className="size-4 shrink-0 text-slate-400" />
          </Link>
        </Card>
      ) : null}
    </div>
  );
}
