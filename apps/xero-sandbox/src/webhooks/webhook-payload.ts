import { createHmac, randomInt } from "node:crypto";
import type { LedgerChange } from "../accounting";

// The body Xero POSTs to an app's webhook URL (xero-webhooks.yaml › WebhookEvent) and its
// signature: `x-xero-signature` = base64 HMAC-SHA256 of the exact body bytes, keyed with the
// app's webhook key.

export interface WebhookEvent {
  resourceUrl: string;
  resourceId: string;
  eventDateUtc: string;
  eventType: "CREATE" | "UPDATE";
  eventCategory: LedgerChange["resource"];
  tenantId: string;
  tenantType: "ORGANISATION";
  /** Credit-note events only: the credit note's Type and Status. */
  data?: LedgerChange["data"];
}

export interface WebhookPayload {
  events: WebhookEvent[];
  firstEventSequence: number;
  lastEventSequence: number;
  entropy: string;
}

const RESOURCE_PATHS = { CONTACT: "Contacts", INVOICE: "Invoices", CREDITNOTE: "CreditNotes" } as const;

/** Xero's eventDateUtc: UTC without a zone designator, e.g. `2025-12-02T00:44:09.923`. */
function xeroEventDate(date: Date): string {
  return date.toISOString().replace(/Z$/, "");
}

/** Twenty random capital letters, as Xero sends: makes every body (and signature) unique. */
function entropy(): string {
  return Array.from({ length: 20 }, () => String.fromCharCode(65 + randomInt(26))).join("");
}

export function webhookEvent(baseUrl: string, change: LedgerChange, at = new Date()): WebhookEvent {
  return {
    resourceUrl: `${baseUrl}/api.xro/2.0/${RESOURCE_PATHS[change.resource]}/${change.resourceId}`,
    resourceId: change.resourceId,
    eventDateUtc: xeroEventDate(at),
    eventType: change.eventType,
    eventCategory: change.resource,
    tenantId: change.tenantId,
    tenantType: "ORGANISATION",
    ...(change.data ? { data: change.data } : {}),
  };
}

/** A batch numbered from `firstSequence`; an empty batch is the intent-to-receive probe. */
export function webhookPayload(events: WebhookEvent[], firstSequence: number): WebhookPayload {
  return {
    events,
    firstEventSequence: events.length > 0 ? firstSequence : 0,
    lastEventSequence: events.length > 0 ? firstSequence + events.length - 1 : 0,
    entropy: entropy(),
  };
}

export function signWebhookBody(body: string, key: string): string {
  return createHmac("sha256", key).update(body, "utf8").digest("base64");
}
