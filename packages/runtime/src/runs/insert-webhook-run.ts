import { ingressPrisma } from "@ledgerflow/db";
import type { WebhookTriggerEvent } from "../triggers/trigger-event";

export interface WebhookRunInsert {
  run: { id: string; workspaceId: string };
  flow: { id: string; workspaceId: string; publishedVersionId: string | null };
  /** What the run is unless it turns out to be a duplicate. */
  status: "QUEUED" | "SKIPPED";
  event: WebhookTriggerEvent;
  eventId: string | null;
  dedupWindowDays: number;
  now: Date;
}

export interface StoredWebhookRun {
  status: "QUEUED" | "SKIPPED" | "DUPLICATE";
  /** For a DUPLICATE: the run that first received the event id. */
  duplicateOfId: string | null;
}

const DAY_MS = 86_400_000;

/**
 * Inserts a webhook's run in one statement (DESIGN §6). With an event id, the same statement
 * claims it in WebhookEvent: the unique key (flowId, eventId) makes two racing deliveries of one
 * event wait for each other, and the later one is stored as a DUPLICATE linked to the first run —
 * whose id comes back from the upsert's row, committed or not, so no snapshot can miss it. A claim
 * past its window is taken over by the new run. Timestamps are stored as UTC without a zone, as
 * Prisma stores them.
 */
export async function insertWebhookRun(input: WebhookRunInsert): Promise<StoredWebhookRun> {
  const { run, flow, status, event, eventId, now } = input;
  const at = now.toISOString();
  const trigger = JSON.stringify(event);
  const versionId = status === "QUEUED" ? flow.publishedVersionId : null;
  const error = status === "SKIPPED" ? JSON.stringify({ message: "The integration was switched off." }) : null;
  const finishedAt = status === "SKIPPED" ? at : null;

  if (eventId === null) {
    await ingressPrisma.$executeRaw`
      INSERT INTO "Run" (id, "workspaceId", "flowId", "flowVersionId", status, source, trigger, error, "createdAt", "finishedAt")
      VALUES (${run.id}, ${flow.workspaceId}, ${flow.id}, ${versionId}, ${status}::"RunStatus", 'WEBHOOK'::"RunSource",
              ${trigger}::jsonb, ${error}::jsonb, (${at}::timestamptz AT TIME ZONE 'UTC'),
              (${finishedAt}::timestamptz AT TIME ZONE 'UTC'))`;
    return { status, duplicateOfId: null };
  }

  const expiresAt = new Date(now.getTime() + input.dedupWindowDays * DAY_MS).toISOString();
  const [stored] = await ingressPrisma.$queryRaw<StoredWebhookRun[]>`
    WITH claim AS (
      INSERT INTO "WebhookEvent" ("flowId", "eventId", "workspaceId", "runId", "receivedAt", "expiresAt")
      VALUES (${flow.id}, ${eventId}, ${flow.workspaceId}, ${run.id}, (${at}::timestamptz AT TIME ZONE 'UTC'),
              (${expiresAt}::timestamptz AT TIME ZONE 'UTC'))
      ON CONFLICT ("flowId", "eventId") DO UPDATE SET
        "runId" = CASE WHEN "WebhookEvent"."expiresAt" <= EXCLUDED."receivedAt"
                       THEN EXCLUDED."runId" ELSE "WebhookEvent"."runId" END,
        "receivedAt" = CASE WHEN "WebhookEvent"."expiresAt" <= EXCLUDED."receivedAt"
                            THEN EXCLUDED."receivedAt" ELSE "WebhookEvent"."receivedAt" END,
        "expiresAt" = CASE WHEN "WebhookEvent"."expiresAt" <= EXCLUDED."receivedAt"
                           THEN EXCLUDED."expiresAt" ELSE "WebhookEvent"."expiresAt" END
      RETURNING "runId" = ${run.id} AS claimed, "runId"
    )
    INSERT INTO "Run" (id, "workspaceId", "flowId", "flowVersionId", status, source, trigger, error, "eventId",
                       "duplicateOfId", "createdAt", "finishedAt")
    SELECT ${run.id}, ${flow.workspaceId}, ${flow.id}, ${versionId},
           CASE WHEN claimed THEN ${status}::"RunStatus" ELSE 'DUPLICATE'::"RunStatus" END,
           'WEBHOOK'::"RunSource", ${trigger}::jsonb, CASE WHEN claimed THEN ${error}::jsonb END, ${eventId},
           CASE WHEN NOT claimed THEN claim."runId" END, (${at}::timestamptz AT TIME ZONE 'UTC'),
           CASE WHEN NOT claimed OR ${finishedAt}::text IS NOT NULL THEN (${at}::timestamptz AT TIME ZONE 'UTC') END
      FROM claim
    RETURNING status::text AS status, "duplicateOfId"`;
  if (!stored) throw new Error("The run insert returned no row");
  return stored;
}
