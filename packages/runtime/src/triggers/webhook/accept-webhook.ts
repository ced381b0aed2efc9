import { ingressPrisma } from "@ledgerflow/db";
import { readWebhookSettings, signatureHeaderOf } from "@ledgerflow/engine";
import { InvalidInputError } from "../../errors/domain-errors";
import { createRun } from "../../runs/create-run";
import { captureTestEventIfListening } from "../listen-for-test-event";
import type { WebhookTriggerEvent } from "../trigger-event";
import { keepWebhookHeaders } from "./keep-webhook-headers";
import { parseWebhookBody, storable } from "./parse-webhook-body";
import { readEventId } from "./read-event-id";
import { verifyWebhookSignature } from "./verify-webhook-signature";

export interface IncomingWebhook {
  token: string;
  rawBody: Buffer;
  contentType: string | null;
  headers: Iterable<[string, string]>;
  query: Iterable<[string, string]>;
}

export type AcceptWebhookResult =
  | { outcome: "accepted"; runId: string; status: "QUEUED" | "SKIPPED" | "DUPLICATE"; duplicateOfId: string | null }
  | { outcome: "unknown_token" }
  | { outcome: "bad_signature"; message: string }
  | { outcome: "bad_body"; message: string };

/**
 * Webhook ingress (docs/ARCHITECTURE.md §6): the Run row is committed before we answer, then enqueued with
 * jobId = runId. A switched-off flow records a SKIPPED run with its payload so it can be replayed;
 * a repeat of an event id the flow already received is recorded as a DUPLICATE and runs nothing.
 */
export async function acceptWebhook(request: IncomingWebhook): Promise<AcceptWebhookResult> {
  // No token has other characters (ours are base64url): one with a NUL would be a database error,
  // and a 5xx that a sender retries forever, instead of the 404 it is.
  if (!TOKEN_SHAPE.test(request.token)) return { outcome: "unknown_token" };
  // The token is the credential: this is the one lookup not scoped by a workspace id, because the
  // caller is another app, not a member. Everything after it is scoped by the flow's workspace.
  // Ingress is the hottest path: its two statements are plain SQL, which costs a third of the CPU
  // of Prisma's query builder (docs/PERFORMANCE.md), on a pool with deadlines of its own.
  const [flow] = await ingressPrisma.$queryRaw<IngressFlow[]>`
    SELECT id, "workspaceId", enabled, "publishedVersionId", "webhookSigningSecret", "webhookSettings"
      FROM "Flow" WHERE "webhookToken" = ${request.token} LIMIT 1`;
  if (!flow) return { outcome: "unknown_token" };

  const settings = readWebhookSettings(flow.webhookSettings);
  const headers = new Map<string, string>();
  for (const [name, value] of request.headers) headers.set(name.toLowerCase(), value);
  const now = new Date();
  if (flow.webhookSigningSecret) {
    const check = verifyWebhookSignature(
      settings.signature,
      flow.webhookSigningSecret,
      request.rawBody,
      headers,
      Math.floor(now.getTime() / 1000),
    );
    if (!check.ok) return { outcome: "bad_signature", message: check.message };
  }

  let event: WebhookTriggerEvent;
  let eventId: string | null;
  try {
    const body = parseWebhookBody(request.rawBody, request.contentType);
    event = {
      type: "webhook",
      body,
      query: storable("query", Object.fromEntries(request.query)) as Record<string, string>,
      headers: keepWebhookHeaders(headers, signatureHeaderOf(settings.signature).toLowerCase()),
      receivedAt: now.toISOString(),
    };
    eventId = readEventId(settings.eventId, headers, body);
  } catch (error) {
    if (error instanceof InvalidInputError) return { outcome: "bad_body", message: error.message };
    throw error;
  }

  const live = flow.enabled && flow.publishedVersionId !== null;
  const run = await createRun({
    workspaceId: flow.workspaceId,
    flowId: flow.id,
    flowVersionId: live ? flow.publishedVersionId : null,
    status: live ? "QUEUED" : "SKIPPED",
    event,
    eventId: eventId === null ? null : { value: eventId, dedupWindowDays: settings.dedupWindowDays },
    now,
  });
  await captureTestEventIfListening(flow, event);
  return { outcome: "accepted", runId: run.id, status: run.status, duplicateOfId: run.duplicateOfId };
}

const TOKEN_SHAPE = /^[\w-]{1,200}$/;

interface IngressFlow {
  id: string;
  workspaceId: string;
  enabled: boolean;
  publishedVersionId: string | null;
  webhookSigningSecret: string | null;
  webhookSettings: unknown;
}
