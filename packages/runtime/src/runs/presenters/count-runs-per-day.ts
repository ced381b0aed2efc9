import type { RunStatus } from "@ledgerflow/db";
import { Prisma, prisma } from "@ledgerflow/db";
import { z } from "zod";
import { runStatuses } from "./run-vocabulary";

// The history chart: runs per day by status. One grouped query (date_trunc + GROUP BY) over the
// Run(workspaceId, createdAt) index, then the days without runs are filled in so the chart has a
// bar slot for every day. Days are UTC days, the same days the date filter uses.

export const countRunsPerDayInput = z.object({
  workspaceId: z.string().min(1),
  flowId: z.string().min(1).optional(),
  days: z.number().int().min(1).max(366).default(30),
  /** The last day shown; defaults to today. */
  now: z.date().optional(),
});

export type CountRunsPerDayInput = z.input<typeof countRunsPerDayInput>;

export interface RunsOnDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  total: number;
  byStatus: Record<RunStatus, number>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function countRunsPerDay(rawInput: CountRunsPerDayInput): Promise<RunsOnDay[]> {
  const input = countRunsPerDayInput.parse(rawInput);
  const today = startOfUtcDay(input.now ?? new Date());
  const since = new Date(today.getTime() - (input.days - 1) * DAY_MS);
  const until = new Date(today.getTime() + DAY_MS);

  const rows = await prisma.$queryRaw<{ day: Date; status: RunStatus; runs: number }[]>`
    SELECT date_trunc('day', "createdAt") AS day, status, count(*)::int AS runs
    FROM "Run"
    WHERE "workspaceId" = ${input.workspaceId}
      AND "createdAt" >= ${since} AND "createdAt" < ${until}
      ${input.flowId ? Prisma.sql`AND "flowId" = ${input.flowId}` : Prisma.empty}
    GROUP BY 1, 2`;

  const days = Array.from({ length: input.days }, (_, index): RunsOnDay => {
    const byStatus = Object.fromEntries(runStatuses.map((status) => [status, 0])) as Record<RunStatus, number>;
    return { day: isoDay(new Date(since.getTime() + index * DAY_MS)), total: 0, byStatus };
  });
  const byDay = new Map(days.map((day) => [day.day, day]));
  for (const row of rows) {
    const day = byDay.get(isoDay(row.day));
    if (!day) continue;
    day.byStatus[row.status] += row.runs;
    day.total += row.runs;
  }
  return days;
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
