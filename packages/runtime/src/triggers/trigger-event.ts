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
