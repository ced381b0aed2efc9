import { ingressPrisma } from "@ledgerflow/db";
import type { NewRunRow } from "./create-run";

/** `status` is what the run is unless it turns out to be a duplicate. */
export interface WebhookRunInsert extends NewRunRow {
  id: string;
  eventId: { value: string; dedupWindowDays: number } | null;
  now: Date;
}

export interface StoredWebhookRun {
  id: string;
  workspaceId: string;
  status: "QUEUED" | "SKIPPED" | "DUPLICATE";
  /** For a DUPLICATE: the run that first received the event id. */
  duplicateOfId: string | null;
}

const DAY_MS = 86_400_000;

/**
 * Inserts a webhook's run in one statement (docs/ARCHITECTURE.md §6). With an event id, the same statement
 * claims it in WebhookEvent: the unique key (flowId, eventId) makes two racing deliveries of one
 * event wait for each other, and the later one is stored as a DUPLICATE linked to the first run —
 * whose id comes back from the upsert's row, committed or not, so no snapshot can miss it. A claim
 * past its window is taken over by the new run. Timestamps are stored as UTC without a zone, as
 * Prisma stores them.
 */
export async function insertWebhookRun(input: WebhookRunInsert): Promise<StoredWebhookRun> {
  const { id, workspaceId, flowId, flowVersionId: versionId, status, source, now } = input;
  const run = { id, workspaceId };
  const at = now.toISOString();
  const trigger = JSON.stringify(input.trigger);
  const error = input.error === null ? null : JSON.stringify(input.error);
  const finishedAt = input.finishedAt?.toISOString() ?? null;

  if (input.eventId === null) {
    await ingressPrisma.$executeRaw`
      INSERT INTO "Run" (id, "workspaceId", "flowId", "flowVersionId", status, source, trigger, error, "createdAt", "finishedAt")
      VALUES (${id}, ${workspaceId}, ${flowId}, ${versionId}, ${status}::"RunStatus", ${source}::"RunSource",
              ${trigger}::jsonb, ${error}::jsonb, (${at}::timestamptz AT TIME ZONE 'UTC'),
              (${finishedAt}::timestamptz AT TIME ZONE 'UTC'))`;
    return { ...run, status, duplicateOfId: null };
  }

  const eventId = input.eventId.value;
  const expiresAt = new Date(now.getTime() + input.eventId.dedupWindowDays * DAY_MS).toISOString();
  const [stored] = await ingressPrisma.$queryRaw<Omit<StoredWebhookRun, "id" | "workspaceId">[]>`
    WITH claim AS (
      INSERT INTO "WebhookEvent" ("flowId", "eventId", "workspaceId", "runId", "receivedAt", "expiresAt")
      VALUES (${flowId}, ${eventId}, ${workspaceId}, ${id}, (${at}::timestamptz AT TIME ZONE 'UTC'),
              (${expiresAt}::timestamptz AT TIME ZONE 'UTC'))
      ON CONFLICT ("flowId", "eventId") DO UPDATE SET
        "runId" = CASE WHEN "WebhookEvent"."expiresAt" <= EXCLUDED."receivedAt"
                       THEN EXCLUDED."runId" ELSE "WebhookEvent"."runId" END,
        "receivedAt" = CASE WHEN "WebhookEvent"."expiresAt" <= EXCLUDED."receivedAt"
                            THEN EXCLUDED."receivedAt" ELSE "WebhookEvent"."receivedAt" END,
        "expiresAt" = CASE WHEN "WebhookEvent"."expiresAt" <= EXCLUDED."receivedAt"
                           THEN EXCLUDED."expiresAt" ELSE "WebhookEvent"."expiresAt" END
      RETURNING "runId" = ${id} AS claimed, "runId"
    )
    INSERT INTO "Run" (id, "workspaceId", "flowId", "flowVersionId", status, source, trigger, error, "eventId",
                       "duplicateOfId", "createdAt", "finishedAt")
    SELECT ${id}, ${workspaceId}, ${flowId}, ${versionId},
           CASE WHEN claimed THEN ${status}::"RunStatus" ELSE 'DUPLICATE'::"RunStatus" END,
           ${source}::"RunSource", ${trigger}::jsonb, CASE WHEN claimed THEN ${error}::jsonb END, ${eventId},
           CASE WHEN NOT claimed THEN claim."runId" END, (${at}::timestamptz AT TIME ZONE 'UTC'),
           CASE WHEN NOT claimed OR ${finishedAt}::text IS NOT NULL THEN (${at}::timestamptz AT TIME ZONE 'UTC') END
      FROM claim
    RETURNING status::text AS status, "duplicateOfId"`;
  if (!stored) throw new Error("The run insert returned no row");
  return { ...run, ...stored };
}
