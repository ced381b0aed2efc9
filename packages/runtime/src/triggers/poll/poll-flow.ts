import { createHash } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import {
  type AnyConnector,
  CallDeferredError,
  type PolledRecord,
  type PollingSpec,
  type PushedEvent,
  StepError,
  type TriggerDefinition,
  triggerPolling,
  triggerSchema,
} from "@ledgerflow/engine";
import { appConnectors } from "../../connectors/app-connectors";
import { connectorClient } from "../../connectors/client-for";
import type { ConnectorRegistry } from "../../connectors/connector-registry";
import { createRun } from "../../runs/create-run";
import type { AppEventTriggerEvent } from "../trigger-event";
import { claimTriggerCursor, releaseTriggerCursor } from "./trigger-cursor";

// One poll of one flow (docs/ARCHITECTURE.md §6, "Polling"): the connector lists what changed
// since the flow's cursor; each change the flow has not seen and its trigger fires on becomes a
// run whose id comes from the flow and the change, then the record's state is stored, and last the
// cursor moves. A crash anywhere repeats the poll from the old cursor and finds the same runs.

export type PollOutcome =
  | { outcome: "polled"; found: number; runs: number }
  /** A rate limit: nothing moved; the next poll asks again. */
  | { outcome: "deferred"; retryInMs: number }
  | { outcome: "failed"; message: string }
  /** Nothing to poll: the flow is off, its provider pushes now, or another poll holds the cursor. */
  | { outcome: "idle"; reason: string };

export interface PollFlowInput {
  flowId: string;
  workspaceId: string;
  connectors?: ConnectorRegistry;
}

/** Run ids are BullMQ job ids (no ':'), so a change's key goes in hashed. */
const runIdOf = (flowId: string, key: string) =>
  `poll_${flowId}_${createHash("sha256").update(key).digest("base64url").slice(0, 22)}`;

export async function pollFlow({
  flowId,
  workspaceId,
  connectors = appConnectors(),
}: PollFlowInput): Promise<PollOutcome> {
  const subject = await loadPolledFlow(flowId, workspaceId, connectors);
  if ("reason" in subject) return { outcome: "idle", reason: subject.reason };
  const cursor = await claimTriggerCursor(flowId, workspaceId);
  if (!cursor) return { outcome: "idle", reason: "another poll of this flow is in progress, or it is not armed" };
  let since = cursor.since;
  let failure: string | null = null;
  try {
    const client = await connectorClient(subject.connector, subject.connection.id, { workspaceId });
    const result = await subject.polling.poll({ client, input: subject.input, cursor: { since: since.toISOString() } });
    let runs = 0;
    for (const polled of result.records) runs += await handleChange(subject, polled);
    since = new Date(result.cursor.since);
    return { outcome: "polled", found: result.records.length, runs };
  } catch (error) {
    failure = describeFailure(subject.connector, error);
    const retryInMs = deferral(error);
    return retryInMs === null ? { outcome: "failed", message: failure } : { outcome: "deferred", retryInMs };
  } finally {
    await releaseTriggerCursor({ flowId, workspaceId }, { since, failure });
  }
}

interface PolledFlow {
  flowId: string;
  workspaceId: string;
  flowVersionId: string;
  connector: AnyConnector;
  trigger: TriggerDefinition;
  polling: PollingSpec<unknown>;
  connection: { id: string; externalId: string };
  input: Record<string, unknown>;
}

/** The enabled flow's published polling trigger, or why it is not to be polled. */
async function loadPolledFlow(
  flowId: string,
  workspaceId: string,
  connectors: ConnectorRegistry,
): Promise<PolledFlow | { reason: string }> {
  const flow = await prisma.flow.findFirst({
    where: { id: flowId, workspaceId },
    select: { enabled: true, publishedVersion: { select: { id: true, definition: true } } },
  });
  if (!flow?.enabled || !flow.publishedVersion) return { reason: "the flow is switched off" };
  const parsed = triggerSchema.safeParse((flow.publishedVersion.definition as { trigger?: unknown }).trigger);
  if (!parsed.success || parsed.data.type !== "event") return { reason: "the flow is not started by an app event" };
  const { event, connectionId, input } = parsed.data.config;
  const found = connectors.findTrigger(event);
  if (!found || !connectionId) return { reason: "the flow's trigger is not known here" };
  const { connector, trigger } = found;
  const polling = triggerPolling(connector, trigger);
  if (!polling) return { reason: `${connector.title} pushes this trigger's events` };
  const connection = await prisma.connection.findFirst({
    where: { id: connectionId, workspaceId },
    select: { id: true, externalId: true },
  });
  if (!connection) return { reason: "the flow's connection was removed" };
  return {
    flowId,
    workspaceId,
    flowVersionId: flow.publishedVersion.id,
    connector,
    trigger,
    polling,
    connection,
    input,
  };
}

/** One change: a run if the flow has not seen it and its trigger fires, then the record's state. */
async function handleChange(subject: PolledFlow, polled: PolledRecord): Promise<number> {
  const { flowId, workspaceId, trigger, connection, input } = subject;
  const seen = await prisma.polledRecordState.findUnique({
    where: { flowId_recordKey: { flowId, recordKey: polled.recordKey } },
    select: { state: true, lastKey: true },
  });
  if (seen?.lastKey === polled.key) return 0;
  const previous = (seen?.state as Record<string, unknown> | undefined) ?? null;
  const payload = subject.polling.eventOf({ polled, previous, account: connection.externalId });
  const event: PushedEvent = { accountExternalId: connection.externalId, payload };
  const { source } = trigger;
  const fires =
    (source.accepts?.(event, input) ?? true) &&
    (source.fires?.({ event, record: polled.record, previous, input }) ?? true);
  if (fires) {
    const started: AppEventTriggerEvent = {
      type: "event",
      trigger: trigger.key,
      connectionId: connection.id,
      event: payload,
      record: polled.record,
      previous,
      receivedAt: new Date().toISOString(),
    };
    await createRun({
      id: runIdOf(flowId, polled.key),
      workspaceId,
      flowId,
      flowVersionId: subject.flowVersionId,
      event: started,
    });
  }
  const state = polled.state as object;
  await prisma.polledRecordState.upsert({
    where: { flowId_recordKey: { flowId, recordKey: polled.recordKey } },
    create: { flowId, workspaceId, recordKey: polled.recordKey, state, lastKey: polled.key },
    update: { state, lastKey: polled.key },
  });
  return fires ? 1 : 0;
}

/** How long a rate limit asks to wait; null for any other failure. */
function deferral(error: unknown): number | null {
  if (error instanceof CallDeferredError) return error.retryInMs;
  if (error instanceof StepError && error.code === "rate_limited") return error.retryAfterMs ?? 60_000;
  return null;
}

function describeFailure(connector: AnyConnector, error: unknown): string {
  if (error instanceof CallDeferredError || error instanceof StepError) return error.message.slice(0, 500);
  console.error(`[poll] ${connector.title}:`, error);
  return `An unexpected error stopped ${connector.title}'s answer.`;
}
