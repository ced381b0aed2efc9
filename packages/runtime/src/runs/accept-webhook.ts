import { prisma } from "@ledgerflow/db";
import { InvalidInputError } from "../errors/domain-errors";
import { captureTestEventIfListening } from "../triggers/listen-for-test-event";
import { enqueueRun } from "./enqueue-run";
import { parseWebhookBody } from "./parse-webhook-body";
import { newRecordId } from "./run-sql";
import { keptHeaders, type WebhookTriggerEvent } from "./trigger-event";
import { isValidWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from "./verify-webhook-signature";

export interface IncomingWebhook {
  token: string;
  rawBody: Buffer;
  contentType: string | null;
  headers: Iterable<[string, string]>;
  query: Iterable<[string, string]>;
}

export type AcceptWebhookResult =
  | { outcome: "accepted"; runId: string; status: "QUEUED" | "SKIPPED" }
  | { outcome: "unknown_token" }
  | { outcome: "bad_signature" }
  | { outcome: "bad_body"; message: string };

/**
 * Webhook ingress (DESIGN §6): the Run row is committed before we answer, then enqueued with
 * jobId = runId. A switched-off flow records a SKIPPED run with its payload so it can be replayed.
 */
export async function acceptWebhook(request: IncomingWebhook): Promise<AcceptWebhookResult> {
  // The token is the credential: this is the one lookup not scoped by a workspace id, because the
  // caller is another app, not a member. Everything after it is scoped by the flow's workspace.
  // Ingress is the hottest path: its two statements are plain SQL, which costs a third of the CPU
  // of Prisma's query builder (docs/PERFORMANCE.md).
  const [flow] = await prisma.$queryRaw<IngressFlow[]>`
    SELECT id, "workspaceId", enabled, "publishedVersionId", "webhookSigningSecret"
      FROM "Flow" WHERE "webhookToken" = ${request.token} LIMIT 1`;
  if (!flow) return { outcome: "unknown_token" };

  const headers = [...request.headers];
  if (flow.webhookSigningSecret) {
    const signature = headers.find(([name]) => name.toLowerCase() === WEBHOOK_SIGNATURE_HEADER)?.[1] ?? null;
    if (!isValidWebhookSignature(flow.webhookSigningSecret, request.rawBody, signature))
      return { outcome: "bad_signature" };
  }

  let body: unknown;
  try {
    body = parseWebhookBody(request.rawBody, request.contentType);
  } catch (error) {
    if (error instanceof InvalidInputError) return { outcome: "bad_body", message: error.message };
    throw error;
  }

  const event: WebhookTriggerEvent = {
    type: "webhook",
    body,
    query: Object.fromEntries(request.query),
    headers: keptHeaders(headers),
    receivedAt: new Date().toISOString(),
  };
  const live = flow.enabled && flow.publishedVersionId !== null;
  const now = new Date();
  // Timestamps are stored as UTC without a zone, as Prisma stores them.
  const at = now.toISOString();
  const run = { id: newRecordId(now), workspaceId: flow.workspaceId };
  const error = live ? null : JSON.stringify({ message: "The integration was switched off." });
  await prisma.$executeRaw`
    INSERT INTO "Run" (id, "workspaceId", "flowId", "flowVersionId", status, source, trigger, error, "createdAt", "finishedAt")
    VALUES (${run.id}, ${flow.workspaceId}, ${flow.id}, ${live ? flow.publishedVersionId : null},
            ${live ? "QUEUED" : "SKIPPED"}::"RunStatus", 'WEBHOOK'::"RunSource", ${JSON.stringify(event)}::jsonb,
            ${error}::jsonb, (${at}::timestamptz AT TIME ZONE 'UTC'),
            (${live ? null : at}::timestamptz AT TIME ZONE 'UTC'))`;
  await captureTestEventIfListening(flow, event);
  if (live) await enqueueRun(run);
  return { outcome: "accepted", runId: run.id, status: live ? "QUEUED" : "SKIPPED" };
}

interface IngressFlow {
  id: string;
  workspaceId: string;
  enabled: boolean;
  publishedVersionId: string | null;
  webhookSigningSecret: string | null;
}
