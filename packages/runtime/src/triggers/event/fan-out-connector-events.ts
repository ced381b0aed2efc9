import { type ConnectorEvent, prisma } from "@ledgerflow/db";
import {
  type AnyConnector,
  CallDeferredError,
  type EventRecord,
  type PushedEvent,
  StepError,
} from "@ledgerflow/engine";
import { appConnectors } from "../../connectors/app-connectors";
import { connectorClient } from "../../connectors/client-for";
import type { ConnectorRegistry } from "../../connectors/connector-registry";
import { createRun } from "../../runs/create-run";
import type { AppEventTriggerEvent } from "../trigger-event";
import {
  type AccountListeners,
  type EventSubscription,
  findAccountListeners,
  subscriptionsTo,
} from "./find-event-subscriptions";
import { rememberRecordState } from "./remember-record-state";

// The fan-out (docs/ARCHITECTURE.md §6, "Connector events"): a worker job turns one account's
// stored events, oldest first, into runs of the flows they start. Each run's trigger carries the
// event and the record loaded from the provider, so steps map `{{trigger.record.Total}}`.

/** Waits before loading a record again after a failure; past the last, the event is fanned out without it. */
const RECORD_RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000];
const BATCH = 25;

export type FanOutOutcome =
  | { outcome: "done"; events: number; runs: number }
  /** A rate limit or a failed load: the job is to be run again after `retryInMs` (nothing is lost). */
  | { outcome: "retry"; retryInMs: number; events: number; runs: number };

export interface FanOutInput {
  provider: string;
  account: string;
  connectors?: ConnectorRegistry;
}

/** Fans out every waiting event of one account, in arrival order. */
export async function fanOutConnectorEvents({
  provider,
  account,
  connectors = appConnectors(),
}: FanOutInput): Promise<FanOutOutcome> {
  const connector = connectors.find(provider);
  let events = 0;
  let runs = 0;
  for (;;) {
    const waiting = await prisma.connectorEvent.findMany({
      where: { provider, accountExternalId: account, fannedOutAt: null },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: BATCH,
    });
    if (waiting.length === 0) return { outcome: "done", events, runs };
    // Read once a batch: a flow switched on meanwhile listens from the next batch on.
    const listeners = connector ? await findAccountListeners(connector, account) : [];
    for (const event of waiting) {
      const result = connector ? await fanOutEvent(connector, listeners, event) : { runs: 0 };
      if ("retryInMs" in result) return { outcome: "retry", retryInMs: result.retryInMs, events, runs };
      await prisma.connectorEvent.update({ where: { id: event.id }, data: { fannedOutAt: new Date() } });
      events++;
      runs += result.runs;
    }
  }
}

async function fanOutEvent(connector: AnyConnector, listeners: AccountListeners, event: ConnectorEvent) {
  const pushed: PushedEvent = {
    accountExternalId: event.accountExternalId,
    payload: event.payload as Record<string, unknown>,
  };
  let runs = 0;
  for (const subscription of subscriptionsTo(listeners, pushed)) {
    const loaded = await loadRecord(connector, subscription, event, pushed);
    if (loaded && "retryInMs" in loaded) return loaded;
    runs += await startRuns(subscription, event, pushed, loaded);
  }
  return { runs };
}

type Loaded = { record: EventRecord; previous: Record<string, unknown> | null } | { failure: string } | null;

/** The record, loaded once per connection; null when only switched-off flows listen (they cost no call). */
async function loadRecord(
  connector: AnyConnector,
  { connection, subscribers }: EventSubscription,
  event: ConnectorEvent,
  pushed: PushedEvent,
): Promise<Loaded | { retryInMs: number }> {
  if (!connector.events || !subscribers.some((subscriber) => subscriber.enabled)) return null;
  try {
    const client = await connectorClient(connector, connection.id, { workspaceId: connection.workspaceId });
    const record = await connector.events.loadRecord(client, pushed);
    return { record, previous: await rememberRecordState(connection, record, event.id) };
  } catch (error) {
    if (error instanceof CallDeferredError) return { retryInMs: error.retryInMs };
    const message =
      error instanceof StepError ? error.message : `An unexpected error stopped ${connector.title}'s answer.`;
    if (!(error instanceof StepError)) console.error(`[fan-out] loading the record of event ${event.id}:`, error);
    const retryable = !(error instanceof StepError) || error.retryable;
    const delay = RECORD_RETRY_DELAYS_MS[event.attempts];
    await prisma.connectorEvent.update({
      where: { id: event.id },
      data: { attempts: { increment: 1 }, failure: message.slice(0, 500) },
    });
    if (retryable && delay !== undefined) return { retryInMs: delay };
    return { failure: message };
  }
}

async function startRuns(
  { connection, subscribers }: EventSubscription,
  event: ConnectorEvent,
  pushed: PushedEvent,
  loaded: Loaded,
): Promise<number> {
  let runs = 0;
  for (const subscriber of subscribers) {
    const record = loaded && "record" in loaded ? loaded.record.record : null;
    const previous = loaded && "record" in loaded ? loaded.previous : null;
    if (record && subscriber.trigger.source.fires) {
      const fires = subscriber.trigger.source.fires({ event: pushed, record, previous, input: subscriber.input });
      if (!fires) continue;
    }
    const trigger: AppEventTriggerEvent = {
      type: "event",
      trigger: subscriber.trigger.key,
      connectionId: connection.id,
      event: pushed.payload,
      record,
      previous,
      receivedAt: event.receivedAt.toISOString(),
    };
    const failure = loaded && "failure" in loaded ? loaded.failure : null;
    const runnable = subscriber.enabled && failure === null;
    await createRun({
      // One run per event and flow, however often the event is fanned out.
      id: `evt_${event.id}_${subscriber.flowId}`,
      workspaceId: connection.workspaceId,
      flowId: subscriber.flowId,
      flowVersionId: runnable ? subscriber.flowVersionId : null,
      event: trigger,
      status: runnable ? "QUEUED" : "SKIPPED",
      skippedBecause:
        failure === null || !subscriber.enabled
          ? undefined
          : `The record could not be loaded: ${failure} The flow did not run for this event.`,
      now: event.receivedAt,
    });
    runs++;
  }
  return runs;
}
