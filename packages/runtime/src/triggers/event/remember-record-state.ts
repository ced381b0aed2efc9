import { type Prisma, prisma } from "@ledgerflow/db";
import type { EventRecord, RecordState } from "@ledgerflow/engine";

/**
 * Stores what was just seen of a record through one connection and returns what was seen at its
 * previous event (null the first time). Idempotent per event: fanning the same event out again (a
 * retry after a crash) returns the same previous state instead of the one it wrote itself.
 */
export async function rememberRecordState(
  connection: { id: string; workspaceId: string },
  loaded: EventRecord,
  eventId: string,
): Promise<RecordState | null> {
  const state = loaded.state as Prisma.InputJsonValue;
  // One statement (a data-modifying CTE always runs, and `old` reads the row as it was before it):
  // the row is locked first, so two fan-outs of one record cannot both read the old state — the
  // fan-out is one job per account; this is the belt to those braces.
  const [row] = await prisma.$queryRaw<{ previous: RecordState | null }[]>`
    WITH old AS (
      SELECT "state", "previousState", "lastEventId" FROM "ConnectorRecordState"
      WHERE "connectionId" = ${connection.id} AND "recordKey" = ${loaded.key}
      FOR UPDATE
    ), saved AS (
      INSERT INTO "ConnectorRecordState" ("connectionId", "workspaceId", "recordKey", "state", "previousState", "lastEventId", "updatedAt")
      VALUES (${connection.id}, ${connection.workspaceId}, ${loaded.key}, ${state}::jsonb, NULL, ${eventId}, now())
      ON CONFLICT ("connectionId", "recordKey") DO UPDATE SET
        "previousState" = CASE WHEN "ConnectorRecordState"."lastEventId" = ${eventId}
          THEN "ConnectorRecordState"."previousState" ELSE "ConnectorRecordState"."state" END,
        "state" = EXCLUDED."state",
        "lastEventId" = EXCLUDED."lastEventId",
        "updatedAt" = now()
    )
    SELECT CASE WHEN old."lastEventId" = ${eventId} THEN old."previousState" ELSE old."state" END AS "previous"
    FROM (SELECT 1) AS one LEFT JOIN old ON true`;
  return row?.previous ?? null;
}
