import type { FlowListItem } from "@ledgerflow/runtime";
import { AlertTriangleIcon, Building2Icon } from "lucide-react";
import Link from "next/link";
import { lostConnectionMessage } from "../connections/lost-connection-message";
import { LocalTime } from "../local-time";
import { plural } from "../plural";
import { RunStatusBadge } from "../run-status-badge";
import { TriggerTypeLabel } from "../trigger-type-label";
import { FlowEnabledSwitch } from "./flow-enabled-switch";

interface FlowListProps {
  flows: FlowListItem[];
  canEdit: boolean;
}

/** Every flow as a row: what it is, where it writes, how it has been doing, and its switch. */
export function FlowList({ flows, canEdit }: FlowListProps) {
  return (
    <ul aria-label="Flows" className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-xs">
      {flows.map((flow) => (
        <li key={flow.id} className="flex flex-col gap-4 p-4 sm:flex-row sm:items-center sm:gap-6 sm:px-5">
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            <Link
              href={`/flows/${flow.id}`}
              className="truncate text-[15px] font-medium text-slate-900 hover:text-brand-700 hover:underline"
            >
              {flow.name}
            </Link>
            {flow.description ? <p className="line-clamp-2 text-sm text-slate-500">{flow.description}</p> : null}
            {flow.lostConnections.map((connection) => (
              <p key={connection.id} className="flex items-start gap-1.5 text-sm text-amber-800">
                <AlertTriangleIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
                <span>
                  {lostConnectionMessage(connection.providerTitle, connection.status)} ({connection.name}):{" "}
                  <Link href="/connections" className="font-medium underline hover:no-underline">
                    Connections
                  </Link>
                </span>
              </p>
            ))}
            <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-500">
              <TriggerTypeLabel type={flow.triggerType} title={flow.triggerTitle} />
              {flow.organisations.length > 0 ? (
                <span className="inline-flex items-center gap-1.5">
                  <Building2Icon aria-hidden className="size-3.5 text-slate-400" />
                  {flow.organisations.join(", ")}
                </span>
              ) : (
                <span className="inline-flex items-center gap-1.5 text-slate-500">
                  <Building2Icon aria-hidden className="size-3.5" />
                  No Xero organisation yet
                </span>
              )}
            </div>
          </div>
          <dl className="grid grid-cols-2 gap-4 text-sm sm:flex sm:items-center sm:gap-6">
            <div className="flex flex-col gap-1 sm:w-40">
              <dt className="text-xs text-slate-500">Last run</dt>
              <dd className="flex flex-wrap items-center gap-2 text-slate-600">
                {flow.lastRun ? (
                  <>
                    <RunStatusBadge status={flow.lastRun.status} />
                    <span className="text-xs">
                      <LocalTime value={flow.lastRun.at} />
                    </span>
                  </>
                ) : (
                  <span className="text-slate-500">Never</span>
                )}
              </dd>
            </div>
            <div className="flex flex-col gap-1 sm:w-20">
              <dt className="text-xs text-slate-500">Last 7 days</dt>
              <dd className="font-medium text-slate-800 tabular-nums">{plural(flow.runsLast7Days, "run")}</dd>
            </div>
          </dl>
          <div className="flex items-center justify-between border-t border-slate-100 pt-3 sm:w-20 sm:justify-end sm:border-0 sm:pt-0">
            <span className="text-xs text-slate-500 sm:hidden">Status</span>
            <FlowEnabledSwitch flowId={flow.id} flowName={flow.name} enabled={flow.enabled} disabled={!canEdit} />
          </div>
        </li>
      ))}
    </ul>
  );
}
