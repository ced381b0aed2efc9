"use client";

import type { RunStatus } from "@ledgerflow/db";
import type { RunsOnDay } from "@ledgerflow/runtime";
import { formatDay, type TimeZoneChoice } from "../format-local-time";
import { useViewerZone } from "../local-time";
import { plural } from "../plural";
import { runStatusLabel } from "./run-status-label";
import { type RunFilters, runsHref } from "./runs-href";

// Runs per day by status as a small stacked bar chart in plain SVG. Each day is a link to that day's
// runs; the same numbers are available as a table for screen readers and anyone who prefers one.
// A client component only for the reader's locale in its day labels.

/** Stack order, bottom to top: the outcomes people look for first sit on the baseline. */
const stackOrder: RunStatus[] = [
  "SUCCEEDED",
  "FAILED",
  "FILTERED",
  "SKIPPED",
  "CANCELLED",
  "DUPLICATE",
  "WAITING",
  "RUNNING",
  "QUEUED",
];

const fillClass: Record<RunStatus, string> = {
  SUCCEEDED: "fill-emerald-500",
  FAILED: "fill-red-500",
  FILTERED: "fill-slate-500",
  SKIPPED: "fill-amber-400",
  CANCELLED: "fill-slate-300",
  DUPLICATE: "fill-violet-300",
  RUNNING: "fill-sky-500",
  WAITING: "fill-sky-300",
  QUEUED: "fill-slate-400",
};

const SLOT = 20;
const BAR = 14;
const HEIGHT = 120;

function describeDay(day: RunsOnDay, zone: TimeZoneChoice): string {
  if (day.total === 0) return `${formatDay(day.day, zone)}: no runs`;
  const parts = stackOrder
    .filter((status) => day.byStatus[status] > 0)
    .map((status) => `${day.byStatus[status]} ${runStatusLabel[status].toLowerCase()}`);
  return `${formatDay(day.day, zone)}: ${plural(day.total, "run")} — ${parts.join(", ")}`;
}

interface RunsPerDayChartProps {
  days: RunsOnDay[];
  filters: RunFilters;
}

export function RunsPerDayChart({ days, filters }: RunsPerDayChartProps) {
  const zone = useViewerZone();
  const dayLabel = (day: string) => formatDay(day, zone);
  const [first, last] = [days[0], days.at(-1)];
  const max = Math.max(1, ...days.map((day) => day.total));
  const totals = stackOrder.map((status) => ({
    status,
    count: days.reduce((sum, day) => sum + day.byStatus[status], 0),
  }));
  const total = totals.reduce((sum, entry) => sum + entry.count, 0);

  return (
    <figure className="flex flex-col gap-3" aria-labelledby="runs-per-day-caption">
      <figcaption id="runs-per-day-caption" className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <span className="text-sm font-medium text-slate-800">
          {plural(total, "run")} in the last {plural(days.length, "day")}
        </span>
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
          {totals
            .filter((entry) => entry.count > 0)
            .map(({ status, count }) => (
              <li key={status} className="flex items-center gap-1.5">
                <svg aria-hidden className="size-2.5" viewBox="0 0 10 10">
                  <rect width="10" height="10" rx="2" className={fillClass[status]} />
                </svg>
                {runStatusLabel[status]} {count.toLocaleString("en")}
              </li>
            ))}
        </ul>
      </figcaption>
      <div className="flex gap-2">
        <div aria-hidden className="flex w-6 flex-col justify-between text-right text-[10px] text-slate-500">
          <span>{max}</span>
          <span>0</span>
        </div>
        <svg
          viewBox={`0 0 ${days.length * SLOT} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-28 w-full overflow-visible border-b border-slate-200"
        >
          {days.map((day, index) => {
            let top = HEIGHT;
            return (
              <a
                key={day.day}
                href={runsHref({ ...filters, from: day.day, to: day.day })}
                aria-label={describeDay(day, zone)}
              >
                <title>{describeDay(day, zone)}</title>
                {/* A full-height hit area, so short bars are as easy to point at as tall ones. */}
                <rect
                  x={index * SLOT}
                  y={0}
                  width={SLOT}
                  height={HEIGHT}
                  className="fill-transparent hover:fill-slate-100"
                />
                {stackOrder.map((status) => {
                  const count = day.byStatus[status];
                  if (count === 0) return null;
                  const height = (count / max) * HEIGHT;
                  top -= height;
                  return (
                    <rect
                      key={status}
                      x={index * SLOT + (SLOT - BAR) / 2}
                      y={top}
                      width={BAR}
                      height={height}
                      className={fillClass[status]}
                    />
                  );
                })}
              </a>
            );
          })}
        </svg>
      </div>
      <div aria-hidden className="ml-8 flex justify-between text-[10px] text-slate-500">
        <span>{first ? dayLabel(first.day) : null}</span>
        <span>{last ? dayLabel(last.day) : null}</span>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-xs text-slate-500 hover:text-slate-700">Show as a table</summary>
        <div className="mt-2 max-h-64 overflow-auto">
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Runs per day by status</caption>
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Day (UTC)
                </th>
                {stackOrder.map((status) => (
                  <th key={status} scope="col" className="py-1 pr-3 text-right font-medium">
                    {runStatusLabel[status]}
                  </th>
                ))}
                <th scope="col" className="py-1 text-right font-medium">
                  Total
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {days.map((day) => (
                <tr key={day.day}>
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {dayLabel(day.day)}
                  </th>
                  {stackOrder.map((status) => (
                    <td key={status} className="py-1 pr-3 text-right">
                      {day.byStatus[status]}
                    </td>
                  ))}
                  <td className="py-1 text-right font-medium">{day.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
