import { decodeRunCursor, type ListRunsInput, runStatuses } from "@ledgerflow/runtime";
import { z } from "zod";

// The run history's state lives in the URL (`/runs?flow=…&status=FAILED&from=2026-11-01&to=…`), so
// links and bookmarks reproduce the same view. A malformed parameter is dropped and reported next to
// the filters instead of breaking the page.

const isoDay = z.iso.date({ message: "use a date like 2026-11-24" });

const paramSchemas = {
  flow: z.string().min(1).max(64),
  status: z.enum(runStatuses, { message: `use one of ${runStatuses.join(", ")}` }),
  from: isoDay,
  to: isoDay,
  cursor: z.string().refine((value) => decodeRunCursor(value) !== null, "not a page link from this screen"),
  dir: z.enum(["older", "newer"]),
};

type ParamName = keyof typeof paramSchemas;

export type RunFilters = { [K in ParamName]?: z.output<(typeof paramSchemas)[K]> };

export type RawSearchParams = Record<string, string | string[] | undefined>;

export function readRunSearchParams(raw: RawSearchParams): { filters: RunFilters; problems: string[] } {
  const filters: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(paramSchemas)) {
    const value = [raw[name]].flat()[0];
    if (value === undefined || value === "") continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) filters[name] = parsed.data;
    else problems.push(`Ignored "${name}": ${parsed.error.issues[0]?.message ?? "invalid value"}.`);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.push(`Ignored the dates: "from" (${filters.from}) is after "to" (${filters.to}).`);
    delete filters.from;
    delete filters.to;
  }
  return { filters: filters as RunFilters, problems };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The presenter's input: dates are whole UTC days, `to` inclusive. */
export function toListRunsInput(workspaceId: string, filters: RunFilters): ListRunsInput {
  return {
    workspaceId,
    flowId: filters.flow,
    status: filters.status,
    from: filters.from ? new Date(`${filters.from}T00:00:00.000Z`) : undefined,
    to: filters.to ? new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + DAY_MS) : undefined,
    cursor: filters.cursor,
    direction: filters.dir,
  };
}

/** `/runs` with the given filters; a change of filter starts again at the first page. */
export function runsHref(filters: RunFilters): string {
  const params = new URLSearchParams();
  for (const name of Object.keys(paramSchemas) as ParamName[]) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `/runs?${query}` : "/runs";
}
