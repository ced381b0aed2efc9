import type { RunRow } from "@ledgerflow/runtime";
import Link from "next/link";
import { LocalTime } from "../local-time";
import { RunStatusBadge } from "../run-status-badge";
import { DataTable, type DataTableColumn } from "../ui/data-table";
import { formatDuration } from "./format-duration";
import { runSourceLabel } from "./run-source-label";

const columns: DataTableColumn[] = [
  { label: "Status", className: "hidden sm:table-cell" },
  { label: "Run" },
  { label: "Source", className: "hidden md:table-cell" },
  { label: "Started" },
  { label: "Duration", className: "hidden text-right md:table-cell" },
];

interface RunTableProps {
  runs: RunRow[];
}

/** Under the title: the flow, and an event run's trigger and record (when the title is not the record). */
function secondLine(run: RunRow): string {
  const { appEvent, title } = run;
  const record = appEvent?.record && appEvent.record !== title ? appEvent.record : null;
  return [title ? run.flow.name : null, appEvent?.title, record].filter(Boolean).join(" · ");
}

/** One page of the run history. On narrow screens status, source and duration move under the title. */
export function RunTable({ runs }: RunTableProps) {
  return (
    <DataTable caption="Runs, newest first" columns={columns}>
      {runs.map((run) => (
        <tr key={run.id} className="hover:bg-slate-50">
          <td className="hidden px-4 py-3 align-top sm:table-cell">
            <RunStatusBadge status={run.status} />
          </td>
          <td className="w-full max-w-0 px-4 py-3 align-top">
            {/* The run's title tells it from its neighbours; its flow (and app event) come second. */}
            <Link
              href={`/runs/${run.id}`}
              className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline"
            >
              {run.title ?? run.flow.name}
            </Link>
            {run.title || run.appEvent ? (
              <span className="mt-0.5 block truncate text-xs text-slate-600">{secondLine(run)}</span>
            ) : null}
            {run.endedAt ? (
              <span className="mt-0.5 block truncate text-xs text-slate-600">
                {run.status === "FAILED" ? "Failed at" : "Stopped at"} {run.endedAt.title}{" "}
                <span className="font-mono text-slate-500">({run.endedAt.stepKey})</span>
              </span>
            ) : null}
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
    </DataTable>
  );
}
