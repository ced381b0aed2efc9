import type { RunRow } from "@ledgerflow/runtime";
import Link from "next/link";
import { LocalTime } from "../local-time";
import { RunStatusBadge } from "../run-status-badge";
import { formatDuration } from "./format-duration";
import { runSourceLabel } from "./run-source-label";

interface RunTableProps {
  runs: RunRow[];
}

/** One page of the run history. On narrow screens status, source and duration move under the flow name. */
export function RunTable({ runs }: RunTableProps) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Runs, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500">
          <tr>
            <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">
              Status
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Flow
            </th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">
              Source
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Started
            </th>
            <th scope="col" className="hidden px-4 py-2.5 text-right font-medium md:table-cell">
              Duration
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <tr key={run.id} className="hover:bg-slate-50">
              <td className="hidden px-4 py-3 align-top sm:table-cell">
                <RunStatusBadge status={run.status} />
              </td>
              <td className="w-full max-w-0 px-4 py-3 align-top">
                <Link
                  href={`/runs/${run.id}`}
                  className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline"
                >
                  {run.flow.name}
                </Link>
                {/* Phones: the status sits under the flow name instead of in its own column. */}
                <span className="mt-1 block sm:hidden">
                  <RunStatusBadge status={run.status} />
                </span>
                <span className="mt-0.5 block truncate text-xs text-slate-500">
                  <span className="md:hidden">
                    {runSourceLabel[run.source]} · {formatDuration(run.durationMs)} ·{" "}
                  </span>
                  <span className="font-mono">{run.id}</span>
                </span>
                {run.duplicateOfId ? (
                  <span className="mt-0.5 block truncate text-xs text-slate-500">
                    Duplicate of{" "}
                    <Link href={`/runs/${run.duplicateOfId}`} className="font-mono text-brand-700 hover:underline">
                      {run.duplicateOfId}
                    </Link>
                  </span>
                ) : null}
              </td>
              <td className="hidden px-4 py-3 align-top text-slate-600 md:table-cell">{runSourceLabel[run.source]}</td>
              <td className="px-4 py-3 align-top whitespace-nowrap text-slate-600">
                <LocalTime value={run.createdAt} />
              </td>
              <td className="hidden px-4 py-3 text-right align-top text-slate-600 tabular-nums md:table-cell">
                {formatDuration(run.durationMs)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
