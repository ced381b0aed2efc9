// The trigger event a run starts from, stored on Run.trigger. Templates read it as `{{trigger.…}}`,
// so its shape is part of what users map from: change it only compatibly.
import { SIGNATURE_HEADERS } from "./verify-webhook-signature";

export interface WebhookTriggerEvent {
  type: "webhook";
  body: unknown;
  query: Record<string, string>;
  headers: Record<string, string>;
  receivedAt: string;
}

export interface ScheduleTriggerEvent {
  type: "schedule";
  /** When the schedule was due (not when the worker got to it). */
  scheduledAt: string;
}

export interface ManualTriggerEvent {
  type: "manual";
  body: unknown;
  startedAt: string;
}

export type TriggerEvent = WebhookTriggerEvent | ScheduleTriggerEvent | ManualTriggerEvent;

// Request headers that are credentials, signatures or transport noise: never stored with a run.
const DROPPED_HEADERS = new Set([
  "authorization",
  "cookie",
  "proxy-authorization",
  ...SIGNATURE_HEADERS,
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "host",
]);

/**
 * The request headers worth keeping with a webhook event (names lower-cased, as `headers` has
 * them). `signatureHeader` is the flow's own (a generic scheme may use any name).
 */
export function keptHeaders(headers: ReadonlyMap<string, string>, signatureHeader: string): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of headers) {
    if (!DROPPED_HEADERS.has(key) && key !== signatureHeader && !key.startsWith("x-forwarded-")) kept[key] = value;
  }
  return kept;
}
