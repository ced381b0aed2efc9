import { z } from "zod";

// Xero's webhook body (xero-webhooks.yaml › WebhookEvent): a batch of events, empty for the
// intent-to-receive probe. Only what identifies an event is required; the rest is kept as sent.

const text = z.string().min(1);

export const xeroWebhookEventSchema = z.looseObject({
  resourceId: text,
  tenantId: text,
  eventCategory: text,
  eventType: text,
  eventDateUtc: text,
  resourceUrl: z.string().optional(),
  tenantType: z.string().optional(),
});

export const xeroWebhookBodySchema = z.looseObject({
  events: z.array(xeroWebhookEventSchema),
  firstEventSequence: z.number().optional(),
  lastEventSequence: z.number().optional(),
  entropy: z.string().optional(),
});

export type XeroWebhookEvent = z.output<typeof xeroWebhookEventSchema>;

/** Where the body first differs from Xero's shape, e.g. `events[0].tenantId: Invalid input: …`. */
export function describeBodyIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = (issue?.path ?? []).reduce<string>(
    (path, part) => (typeof part === "number" ? `${path}[${part}]` : path ? `${path}.${String(part)}` : String(part)),
    "",
  );
  return `${where || "body"}: ${issue?.message ?? "not what Xero sends"}`;
}

/** One event's identity: Xero redelivers, and the same five fields are the same event. */
export function xeroEventDedupKey(event: XeroWebhookEvent): string {
  return JSON.stringify([event.tenantId, event.eventCategory, event.resourceId, event.eventType, event.eventDateUtc]);
}
