import type { RunDetail } from "@ledgerflow/runtime";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocalTime } from "../local-time";
import { formatDuration } from "./format-duration";
import { runSourceLabel } from "./run-source-label";
import { stepName } from "./run-status-banner";

/**
 * The version that ran; for a run that ran none, the one that was published when it arrived (what
 * would have run), so a skipped run never reads as if the flow had no version.
 */
function versionOf(run: RunDetail): string {
  if (run.flowVersion) return `v${run.flowVersion.number}`;
  if (run.versionAtReceipt) return `None ran (v${run.versionAtReceipt.number} was published then)`;
  return "None: the flow had never been switched on";
}

interface RunSummaryProps {
  run: RunDetail;
}

/** The run's facts at a glance: where it came from (and what it repeats), which version ran, when and for how long. */
export function RunSummary({ run }: RunSummaryProps) {
  const facts: { term: string; value: ReactNode }[] = [
    {
      term: "Flow",
      value: (
        <Link href={`/flows/${run.flow.id}`} className="font-medium text-brand-700 hover:underline">
          {run.flow.name}
        </Link>
      ),
    },
    {
      term: "Source",
      value: run.replayOfId ? (
        <>
          {runSourceLabel[run.source]} of{" "}
          <Link href={`/runs/${run.replayOfId}`} className="font-mono text-brand-700 hover:underline">
            {run.replayOfId}
          </Link>
          {run.resumeFromStepKey ? ` from step ${stepName(run, run.resumeFromStepKey)}` : null}
        </>
      ) : (
        runSourceLabel[run.source]
      ),
    },
    ...(run.appEvent
      ? [
          { term: "Trigger", value: run.appEvent.title },
          ...(run.appEvent.record ? [{ term: "Record", value: run.appEvent.record }] : []),
        ]
      : []),
    ...(run.duplicateOfId
      ? [
          {
            term: "Duplicate of",
            value: (
              <Link href={`/runs/${run.duplicateOfId}`} className="font-mono text-brand-700 hover:underline">
                {run.duplicateOfId}
              </Link>
            ),
          },
        ]
      : []),
    ...(run.eventId ? [{ term: "Event id", value: <span className="font-mono break-all">{run.eventId}</span> }] : []),
    { term: "Version", value: versionOf(run) },
    { term: "Received", value: <LocalTime value={run.createdAt} format="exact" /> },
    {
      term: "Started",
      // A run that finished without starting (skipped, a duplicate) never will.
      value: run.startedAt ? <LocalTime value={run.startedAt} format="exact" /> : run.finishedAt ? "Never" : "Not yet",
    },
    { term: "Duration", value: formatDuration(run.durationMs) },
    { term: "Attempts", value: run.attempts },
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm lg:grid-cols-4">
      {facts.map(({ term, value }) => (
        <div key={term} className="flex min-w-0 flex-col gap-0.5">
          <dt className="text-xs text-slate-500">{term}</dt>
          <dd className="break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
