import { Prisma, prisma } from "@ledgerflow/db";
import { z } from "zod";
import { type AppEventSummary, describeAppEventRun } from "../../triggers/event/describe-app-event";
import { findRunIdsByText } from "./find-runs-by-text";
import { decodeRunCursor, encodeRunCursor, type RunCursor } from "./run-cursor";
import { readRunTitleTemplates, renderTitleFromPicked, titlePathsOf } from "./run-titles";
import { runStatuses } from "./run-vocabulary";
import { stepTitleOf } from "./step-title";

// The run history table. Keyset pagination on (createdAt, id) descending — never OFFSET — so page
// 4,000 costs what page 1 costs: each page is one index range scan on
// Run(workspaceId[, flowId | status], createdAt DESC, id DESC), whatever the table's size.

export const listRunsInput = z
  .object({
    workspaceId: z.string().min(1),
    flowId: z.string().min(1).optional(),
    status: z.enum(runStatuses).optional(),
    /** Inclusive lower bound on createdAt. */
    from: z.date().optional(),
    /** Exclusive upper bound on createdAt. */
    to: z.date().optional(),
    /** Text the run's id, title or trigger payload contains (any case). */
    text: z.string().trim().min(1).max(200).optional(),
    /** Opaque cursor from a previous page's `olderCursor` / `newerCursor`. */
    cursor: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        const cursor = decodeRunCursor(value);
        if (!cursor) {
          ctx.addIssue({ code: "custom", message: "cursor is not a valid page cursor" });
          return z.NEVER;
        }
        return cursor;
      }),
    /** "older" reads past the cursor (the next page down); "newer" reads back towards the present. */
    direction: z.enum(["older", "newer"]).default("older"),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .refine((input) => !input.from || !input.to || input.from < input.to, {
    message: "from must be before to",
    path: ["from"],
  });

export type ListRunsInput = z.input<typeof listRunsInput>;

const runRowSelect = {
  id: true,
  status: true,
  source: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  replayOfId: true,
  duplicateOfId: true,
  flow: { select: { id: true, name: true } },
} satisfies Prisma.RunSelect;

type RunRowBase = Prisma.RunGetPayload<{ select: typeof runRowSelect }>;

export type RunRow = RunRowBase & {
  /** For a run a connector trigger started (and its re-runs): "Xero · Invoice paid", "INV-0042". */
  appEvent: AppEventSummary | null;
  /** The run's summary line ("Order 1042 · Acme Ltd · 120.00"); null when its trigger names nothing. */
  title: string | null;
  /** For a FAILED or FILTERED run: the step it ended at, by key and by what it does. */
  endedAt: { stepKey: string; title: string } | null;
};

export interface RunPage {
  runs: RunRow[];
  /** Cursor for the "Newer" link; null on the first page. */
  newerCursor: string | null;
  /** Cursor for the "Older" link; null on the last page. */
  olderCursor: string | null;
}

export async function listRuns(rawInput: ListRunsInput): Promise<RunPage> {
  const input = listRunsInput.parse(rawInput);
  const { cursor, limit } = input;
  // Without a cursor there is nothing to read back towards: that is the first page.
  const direction = cursor ? input.direction : "older";

  const where: Prisma.RunWhereInput = {
    workspaceId: input.workspaceId,
    ...(input.flowId ? { flowId: input.flowId } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.from || input.to ? { createdAt: { gte: input.from, lt: input.to } } : {}),
  };
  const order: Prisma.SortOrder = direction === "older" ? "desc" : "asc";

  const orderBy: Prisma.RunOrderByWithRelationInput[] = [{ createdAt: order }, { id: order }];
  const rows = input.text
    ? await prisma.run.findMany({
        where: {
          workspaceId: input.workspaceId,
          id: { in: await findRunIdsByText({ ...input, text: input.text, cursor, direction, take: limit + 1 }) },
        },
        orderBy,
        select: runRowSelect,
      })
    : await prisma.run.findMany({
        where: cursor ? { AND: [where, beyond(cursor, direction)] } : where,
        orderBy,
        take: limit + 1,
        select: runRowSelect,
      });
  const hasMore = rows.length > limit;
  const page = await withSummaries(input.workspaceId, rows.slice(0, limit));

  if (direction === "newer") {
    // Back at the top: show a full first page rather than the few rows left above the cursor.
    if (!hasMore) return listRuns({ ...rawInput, cursor: undefined, direction: "older" });
    page.reverse();
    return { runs: page, newerCursor: cursorOf(page[0]), olderCursor: cursorOf(page.at(-1)) };
  }
  return {
    runs: page,
    newerCursor: cursor ? cursorOf(page[0]) : null,
    olderCursor: hasMore ? cursorOf(page.at(-1)) : null,
  };
}

/**
 * Names the page's runs: each run's title (its flow's template on its trigger) and, for an event
 * run, its trigger and record. Rendered on read, for the page's rows only: nothing is added to the
 * webhook ingest path, and a changed template names past runs too (measured with the `ui` bench,
 * docs/ARCHITECTURE.md §6). One statement reads, of those rows, only the values the titles use and
 * an event's key and record — never a whole payload (a webhook's body can be 1 MB).
 */
async function withSummaries(workspaceId: string, rows: RunRowBase[]): Promise<RunRow[]> {
  if (rows.length === 0) return [];
  const templates = await readRunTitleTemplates(workspaceId, [...new Set(rows.map((row) => row.flow.id))]);
  const paths = titlePathsOf(templates.values());
  const picked =
    paths.length === 0
      ? Prisma.sql`'[]'::jsonb`
      : Prisma.sql`jsonb_build_array(${Prisma.join(paths.map((path) => Prisma.sql`trigger #> ${path}::text[]`))})`;
  const found = await prisma.$queryRaw<{ id: string; key: string | null; record: unknown; picked: unknown[] | null }[]>`
    SELECT id, CASE WHEN "trigger"->>'type' = 'event' THEN "trigger"->>'trigger' END AS key,
           CASE WHEN "trigger"->>'type' = 'event' THEN "trigger"->'record' END AS record, ${picked} AS picked
      FROM "Run"
     WHERE "workspaceId" = ${workspaceId} AND id = ANY(${rows.map((row) => row.id)}::text[])`;
  const byId = new Map(found.map((run) => [run.id, run]));
  const endedAt = await stepsEndedAt(workspaceId, rows);
  return rows.map((row) => {
    const run = byId.get(row.id);
    const template = templates.get(row.flow.id);
    const appEvent = run?.key ? describeAppEventRun(run.key, run.record) : null;
    const title = template && run?.picked ? renderTitleFromPicked(template, paths, run.picked) : null;
    return { ...row, appEvent, title: title ?? appEvent?.record ?? null, endedAt: endedAt.get(row.id) ?? null };
  });
}

/** The step each failed or filtered run of the page ended at: its failed step, or its last one. */
async function stepsEndedAt(workspaceId: string, rows: RunRowBase[]): Promise<Map<string, RunRow["endedAt"]>> {
  const ended = rows.filter((row) => row.status === "FAILED" || row.status === "FILTERED").map((row) => row.id);
  if (ended.length === 0) return new Map();
  const steps = await prisma.stepRun.findMany({
    where: { workspaceId, runId: { in: ended } },
    orderBy: { index: "asc" },
    select: { runId: true, stepKey: true, action: true, status: true },
  });
  const byRun = new Map<string, { stepKey: string; title: string; failed: boolean }>();
  for (const step of steps) {
    if (byRun.get(step.runId)?.failed) continue;
    byRun.set(step.runId, { stepKey: step.stepKey, title: stepTitleOf(step.action), failed: step.status === "FAILED" });
  }
  return new Map([...byRun].map(([runId, { stepKey, title }]) => [runId, { stepKey, title }]));
}

/**
 * Rows strictly past the cursor in the reading direction. The redundant `createdAt lte/gte` bound
 * lets Postgres use it as an index condition; the OR only filters rows that share the cursor's
 * timestamp.
 */
function beyond(cursor: RunCursor, direction: "older" | "newer"): Prisma.RunWhereInput {
  const { createdAt, id } = cursor;
  return direction === "older"
    ? { createdAt: { lte: createdAt }, OR: [{ createdAt: { lt: createdAt } }, { id: { lt: id } }] }
    : { createdAt: { gte: createdAt }, OR: [{ createdAt: { gt: createdAt } }, { id: { gt: id } }] };
}

function cursorOf(row: RunRow | undefined): string | null {
  return row ? encodeRunCursor(row) : null;
}
