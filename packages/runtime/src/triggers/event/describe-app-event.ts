import { appConnectors } from "../../connectors/app-connectors";
import type { ConnectorRegistry } from "../../connectors/connector-registry";

// How the flow list and the run history name a connector trigger and the record a run was about.

/** What the history says of one event run: "Xero · Invoice paid" and "INV-0042". */
export interface AppEventSummary {
  title: string;
  /** The record by its name, as its trigger declares (`recordLabel`); null when it has none. */
  record: string | null;
}

/** "Xero · Invoice paid"; null when no connector declares the trigger (any more). */
export function appEventTitle(key: string, connectors: ConnectorRegistry = appConnectors()): string | null {
  const found = connectors.findTrigger(key);
  return found ? `${found.connector.title} · ${found.trigger.title}` : null;
}

/**
 * A run's trigger key and record (`Run.trigger.trigger`, `.record`) as the history shows them; a
 * trigger no connector declares any more is shown by its key.
 */
export function describeAppEventRun(
  key: string,
  record: unknown,
  connectors: ConnectorRegistry = appConnectors(),
): AppEventSummary {
  const trigger = connectors.findTrigger(key)?.trigger;
  const isRecord = typeof record === "object" && record !== null && !Array.isArray(record);
  return {
    title: appEventTitle(key, connectors) ?? key,
    record: isRecord ? (trigger?.recordLabel?.(record as Record<string, unknown>) ?? null) : null,
  };
}
