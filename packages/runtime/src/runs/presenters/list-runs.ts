import { type Prisma, prisma } from "@ledgerflow/db";
import { z } from "zod";
import { type AppEventSummary, describeAppEventRun } from "../../triggers/event/describe-app-event";
import { decodeRunCursor, encodeRunCursor, type RunCursor } from "./run-cursor";
import { runStatuses } from "./run-vocabulary";

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

export type RunRow = Prisma.RunGetPayload<{ select: typeof runRowSelect }> & {
  /** For a run a connector trigger started (and its re-runs): "Xero · Invoice paid", "INV-0042". */
  appEvent: AppEventSummary | null;
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
  const order = direction === "older" ? "desc" : "asc";

  const rows = await prisma.run.findMany({
    where: cursor ? { AND: [where, beyond(cursor, direction)] } : where,
    orderBy: [{ createdAt: order }, { id: order }],
    take: limit + 1,
    select: runRowSelect,
  });
  const hasMore = rows.length > limit;
  const page = await withAppEvents(input.workspaceId, rows.slice(0, limit));

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
 * Names the trigger and record of the page's event runs. One statement reads only the trigger's key
 * and record of those rows, not every row's whole payload (a webhook's body can be 1 MB).
 */
async function withAppEvents(
  workspaceId: string,
  rows: Prisma.RunGetPayload<{ select: typeof runRowSelect }>[],
): Promise<RunRow[]> {
  const ids = rows.filter((row) => row.source === "EVENT" || row.source === "REPLAY").map((row) => row.id);
  const events =
    ids.length === 0
      ? []
      : await prisma.$queryRaw<{ id: string; key: string; record: unknown }[]>`
          SELECT id, "trigger"->>'trigger' AS key, "trigger"->'record' AS record FROM "Run"
          WHERE "workspaceId" = ${workspaceId} AND id = ANY(${ids}::text[])
            AND "trigger"->>'type' = 'event' AND "trigger"->>'trigger' IS NOT NULL`;
  const byId = new Map(events.map((event) => [event.id, describeAppEventRun(event.key, event.record)]));
  return rows.map((row) => ({ ...row, appEvent: byId.get(row.id) ?? null }));
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
