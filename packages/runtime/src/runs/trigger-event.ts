// The trigger event a run starts from, stored on Run.trigger. Templates read it as `{{trigger.…}}`,
// so its shape is part of what users map from: change it only compatibly.

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

// Request headers that are credentials or transport noise: never stored with a run.
const DROPPED_HEADERS = new Set([
  "authorization",
  "cookie",
  "proxy-authorization",
  "x-ledgerflow-signature",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "host",
]);

/** The request headers worth keeping with a webhook event (lower-cased names). */
export function keptHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (!DROPPED_HEADERS.has(key) && !key.startsWith("x-forwarded-")) kept[key] = value;
  }
  return kept;
}
