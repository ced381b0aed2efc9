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

/** A connector trigger's event (Xero's "Invoice paid"): the provider's event and the record it is about. */
export interface AppEventTriggerEvent {
  type: "event";
  /** The connector trigger's key, e.g. "xero.invoice.paid". */
  trigger: string;
  connectionId: string;
  /** The event as the provider sent it (Xero: resourceId, eventCategory, eventType, eventDateUtc…). */
  event: Record<string, unknown>;
  /** The record as loaded from the provider when the event was fanned out; null when it could not be. */
  record: Record<string, unknown> | null;
  /** What was remembered of the record at its previous event (`{ Status }`); null the first time. */
  previous: Record<string, unknown> | null;
  receivedAt: string;
}

export type TriggerEvent = WebhookTriggerEvent | ScheduleTriggerEvent | ManualTriggerEvent | AppEventTriggerEvent;
