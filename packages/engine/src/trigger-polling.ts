import type { AnyConnector } from "./connector";
import type { PollingSpec, TriggerDefinition } from "./connector-trigger";

/**
 * How the runtime finds a connector trigger's events: the spec it polls with, or null when the
 * provider pushes them. An instant trigger polls with its fallback while this installation
 * receives none of the provider's pushes (Xero: no XERO_WEBHOOK_KEY).
 */
export function triggerPolling(connector: AnyConnector, trigger: TriggerDefinition): PollingSpec<unknown> | null {
  const { source } = trigger;
  if (source.kind === "polling") return source;
  if (connector.events?.pushConfigured()) return null;
  return source.fallback ?? null;
}
