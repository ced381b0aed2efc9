import { Prisma, prisma, type RunStatus } from "@ledgerflow/db";
import type { RunCursor } from "./run-cursor";
import { readRunTitleTemplates, titleSql } from "./run-titles";

// The history's "Find runs" box: runs whose id, title or trigger payload contains the text, ignoring
// case. Same filters, order and keyset as the plain listing; the text match is what Prisma cannot
// say (a jsonb document's text, a title that exists only as its flow's template), so the page's ids
// are found here and their rows read by id. Titles are rendered in SQL from the same templates the
// page renders in JS, so what the rows show is what is found.
//
// No index serves the match: measured on 100,000 runs of one workspace (bench `ui` data), finding
// by text is a parallel scan of the workspace's runs, 130–200 ms whether it finds one run, many or none. A
// pg_trgm GIN index on the trigger's text answers the payload part alone in ~4 ms, but Postgres
// cannot use it under the OR with the titles (a per-flow expression), and it would add an index
// write to every webhook insert, the measured hot path. Past ~1M runs a workspace: store the title
// when the worker starts a run and index both.

export interface RunTextQuery {
  workspaceId: string;
  flowId?: string;
  status?: RunStatus;
  from?: Date;
  to?: Date;
  cursor?: RunCursor;
  direction: "older" | "newer";
  take: number;
  text: string;
}

/** `50% off_` → `%50\% off\_%`: the text is matched literally, never as a LIKE pattern. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** The ids of one page of matching runs (take = page size + 1), in the reading direction's order. */
export async function findRunIdsByText(query: RunTextQuery): Promise<string[]> {
  const { workspaceId, flowId, status, from, to, cursor, direction, take } = query;
  const pattern = containsPattern(query.text);
  const templates = await readRunTitleTemplates(workspaceId, flowId ? [flowId] : undefined);
  const title = titleSql(templates.values());
  const conditions: Prisma.Sql[] = [Prisma.sql`r."workspaceId" = ${workspaceId}`];
  if (flowId) conditions.push(Prisma.sql`r."flowId" = ${flowId}`);
  if (status) conditions.push(Prisma.sql`r.status = ${status}::"RunStatus"`);
  if (from) conditions.push(Prisma.sql`r."createdAt" >= ${utc(from)}`);
  if (to) conditions.push(Prisma.sql`r."createdAt" < ${utc(to)}`);
  if (cursor) {
    const at = utc(cursor.createdAt);
    conditions.push(
      direction === "older"
        ? Prisma.sql`r."createdAt" <= ${at} AND (r."createdAt" < ${at} OR r.id < ${cursor.id})`
        : Prisma.sql`r."createdAt" >= ${at} AND (r."createdAt" > ${at} OR r.id > ${cursor.id})`,
    );
  }
  const matches = [Prisma.sql`r.id ILIKE ${pattern}`, Prisma.sql`r.trigger::text ILIKE ${pattern}`];
  if (title) matches.push(Prisma.sql`${title} ILIKE ${pattern}`);
  conditions.push(Prisma.sql`(${Prisma.join(matches, " OR ")})`);
  const order = direction === "older" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM "Run" r
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY r."createdAt" ${order}, r.id ${order}
     LIMIT ${take}`;
  return rows.map((row) => row.id);
}
