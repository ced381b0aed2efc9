import { decodeRunCursor, type ListRunsInput, runStatuses } from "@ledgerflow/runtime";
import { z } from "zod";
import type { RunFilters } from "./runs-href";

// Reads the run history's URL (`/runs?q=acme&flow=…&status=FAILED&from=2026-11-01&to=…`), so links and
// bookmarks reproduce the same view. A malformed parameter is dropped and reported next to the
// filters instead of breaking the page.

const isoDay = z.iso.date({ message: "use a date like 2026-11-24" });

const paramSchemas: { [K in keyof RunFilters]-?: z.ZodType<NonNullable<RunFilters[K]>> } = {
  q: z.string().trim().min(1).max(200, "find runs by at most 200 characters"),
  flow: z.string().min(1).max(64),
  status: z.enum(runStatuses, { message: `use one of ${runStatuses.join(", ")}` }),
  from: isoDay,
  to: isoDay,
  cursor: z.string().refine((value) => decodeRunCursor(value) !== null, "not a page link from this screen"),
  dir: z.enum(["older", "newer"]),
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

export function readRunSearchParams(raw: RawSearchParams): { filters: RunFilters; problems: string[] } {
  const filters: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(paramSchemas)) {
    const value = [raw[name]].flat()[0];
    if (value === undefined || value.trim() === "") continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) filters[name] = parsed.data;
    else problems.push(`Ignored "${name}": ${parsed.error.issues[0]?.message ?? "invalid value"}.`);
  }
  const result = filters as RunFilters;
  if (result.from && result.to && result.from > result.to) {
    problems.push(`Ignored the dates: "from" (${result.from}) is after "to" (${result.to}).`);
    delete result.from;
    delete result.to;
  }
  return { filters: result, problems };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The presenter's input: dates are whole UTC days, `to` inclusive. */
export function toListRunsInput(workspaceId: string, filters: RunFilters): ListRunsInput {
  return {
    workspaceId,
    text: filters.q,
    flowId: filters.flow,
    status: filters.status,
    from: filters.from ? new Date(`${filters.from}T00:00:00.000Z`) : undefined,
    to: filters.to ? new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + DAY_MS) : undefined,
    cursor: filters.cursor,
    direction: filters.dir,
  };
}
