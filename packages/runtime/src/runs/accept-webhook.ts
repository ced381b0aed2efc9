import { type Prisma, prisma } from "@ledgerflow/db";
import { InvalidInputError } from "../errors/domain-errors";
import { captureTestEventIfListening } from "../triggers/listen-for-test-event";
import { enqueueRun } from "./enqueue-run";
import { parseWebhookBody } from "./parse-webhook-body";
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
  const flow = await prisma.flow.findUnique({
    where: { webhookToken: request.token },
    select: { id: true, workspaceId: true, enabled: true, publishedVersionId: true, webhookSigningSecret: true },
  });
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
  const run = await prisma.run.create({
    data: {
      workspaceId: flow.workspaceId,
      flowId: flow.id,
      flowVersionId: live ? flow.publishedVersionId : null,
      status: live ? "QUEUED" : "SKIPPED",
      source: "WEBHOOK",
      trigger: event as unknown as Prisma.InputJsonValue,
      ...(live ? {} : { finishedAt: new Date(), error: { message: "The integration was switched off." } }),
    },
    select: { id: true, workspaceId: true },
  });
  await captureTestEventIfListening(flow, event);
  if (live) await enqueueRun(run);
  return { outcome: "accepted", runId: run.id, status: live ? "QUEUED" : "SKIPPED" };
}
