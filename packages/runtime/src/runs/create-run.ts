import type { Prisma, RunSource } from "@ledgerflow/db";
import type { TriggerEvent } from "../triggers/trigger-event";
import { runSourceFor } from "../triggers/trigger-kinds";
import { enqueueRun } from "./enqueue-run";
import { insertRun } from "./insert-run";
import { insertWebhookRun } from "./insert-webhook-run";
import { newRecordId } from "./run-sql";

export interface CreateRunInput {
  workspaceId: string;
  flowId: string;
  /** The version the run executes; null only for a SKIPPED run, which executes nothing. */
  flowVersionId: string | null;
  /** What started the run, stored as Run.trigger. Its type is the trigger kind, which gives Run.source. */
  event: TriggerEvent;
  /**
   * QUEUED (the default) is executed. SKIPPED records an event for a switched-off flow: finished at
   * once, never enqueued, but kept with its payload so that it can be replayed.
   */
  status?: "QUEUED" | "SKIPPED";
  /** Why a SKIPPED run executes nothing, when not because the flow is switched off. */
  skippedBecause?: string;
  /**
   * An id derived from what started the run (a schedule firing). Creating it again finds the run of
   * the first try and enqueues that one, so a retried firing never makes a second run.
   */
  id?: string;
  /**
   * The sender's own event id (webhooks whose flow reads one), claimed in the insert: a repeat
   * within the window is stored as a DUPLICATE of the first run and never enqueued.
   */
  eventId?: { value: string; dedupWindowDays: number } | null;
  /** A re-run of an earlier run (Run.source REPLAY), with the step runs it carries over. */
  replay?: {
    replayOfId: string;
    resumeFromStepKey: string | null;
    carriedSteps: CarriedStepRun[];
  };
  /** When the event arrived (a webhook's receivedAt); the run's createdAt on the webhook path. */
  now?: Date;
}

/** The columns both inserts write, as createRun settles them. */
export interface NewRunRow {
  workspaceId: string;
  flowId: string;
  flowVersionId: string | null;
  status: "QUEUED" | "SKIPPED";
  source: RunSource;
  trigger: TriggerEvent;
  error: { message: string } | null;
  finishedAt: Date | null;
}

/** A step run copied into a replay: the new run's ids are filled in by the insert. */
export type CarriedStepRun = Omit<Prisma.StepRunCreateManyInput, "workspaceId" | "runId">;

export interface CreatedRun {
  id: string;
  workspaceId: string;
  status: "QUEUED" | "SKIPPED" | "DUPLICATE";
  /** For a DUPLICATE: the run that first received the event id. */
  duplicateOfId: string | null;
}

/**
 * The one way a run is created (webhook, schedule, manual, replay): the Run row is committed first,
 * then a QUEUED run is enqueued with jobId = runId. When Redis does not take the job, the run stays
 * QUEUED in PostgreSQL and the worker's sweeper enqueues it later (enqueue-run.ts): once this
 * returns, the run is safe either way, which is what lets ingress answer 202.
 */
export async function createRun(input: CreateRunInput): Promise<CreatedRun> {
  const source = input.replay ? "REPLAY" : runSourceFor(input.event.type);
  const status = input.status ?? "QUEUED";
  const now = input.now ?? new Date();
  const row: NewRunRow = {
    workspaceId: input.workspaceId,
    flowId: input.flowId,
    flowVersionId: input.flowVersionId,
    status,
    source,
    trigger: input.event,
    error: status === "SKIPPED" ? { message: input.skippedBecause ?? SWITCHED_OFF } : null,
    finishedAt: status === "SKIPPED" ? now : null,
  };
  // Webhooks are the measured hot path (docs/PERFORMANCE.md): one plain-SQL statement on the
  // ingress pool, with its deadlines, that also claims the event id. The others go through Prisma.
  const stored =
    source === "WEBHOOK"
      ? await insertWebhookRun({ ...row, id: input.id ?? newRecordId(now), eventId: input.eventId ?? null, now })
      : await insertRun({ ...row, id: input.id, replay: input.replay });
  if (stored.status === "QUEUED") await enqueueRun(stored);
  return stored;
}

/** Why a SKIPPED run ran nothing when its flow was off (the run page words it as its banner). */
export const SWITCHED_OFF = "The flow was switched off.";
