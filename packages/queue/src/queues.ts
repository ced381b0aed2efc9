import { serverEnv } from "@ledgerflow/config";
import { type JobsOptions, Queue, type QueueOptions } from "bullmq";
import { createRedis } from "./redis";

export const RUNS_QUEUE = "runs";
export const SCHEDULES_QUEUE = "schedules";
export const MAINTENANCE_QUEUE = "maintenance";
export const CONNECTOR_EVENTS_QUEUE = "connector-events";
export const TRIGGER_POLLS_QUEUE = "trigger-polls";

/** A run job carries only ids: Postgres holds everything else (the outbox pattern). */
export interface RunJobData {
  runId: string;
  workspaceId: string;
}

/** A schedule fires for one flow; the worker turns each firing into a Run. */
export interface ScheduleJobData {
  flowId: string;
  workspaceId: string;
}

/**
 * BullMQ's own attempts only count failures of our stores (PostgreSQL, Redis): every other wait —
 * Xero's errors, rate limits, another execution's lease — moves the job to the delayed set without
 * spending one. Past this many the job fails, and the sweeper gives the run a new job
 * (docs/ARCHITECTURE.md §6, "Sweeper").
 */
const RUN_JOB_INFRASTRUCTURE_RETRIES = 50;

/** The options of a run's job: one job per run (jobId = runId), retried with our backoff. */
export function runJobOptions(runId: string, delayMs?: number): JobsOptions {
  return {
    jobId: runId,
    delay: delayMs,
    attempts: RUN_JOB_INFRASTRUCTURE_RETRIES,
    backoff: { type: "ledgerflow" },
    removeOnComplete: true,
    removeOnFail: 1_000,
  };
}

/** Fans out one account's stored provider events (ConnectorEvent) to the flows they start. */
export interface FanOutJobData {
  provider: string;
  account: string;
}

/**
 * One fan-out job per account at a time (the job id names the account, and a job id is unique while
 * its job exists): the account's events are fanned out in arrival order, so "the status became
 * PAID" is judged against the event before. An event stored while the job runs is read by the
 * job's next pass, or by the sweeper (packages/runtime connector-events).
 */
export function fanOutJobOptions(data: FanOutJobData): JobsOptions {
  return {
    jobId: `fan-out.${data.provider}.${data.account}`,
    attempts: RUN_JOB_INFRASTRUCTURE_RETRIES,
    backoff: { type: "exponential", delay: 1_000 },
    removeOnComplete: true,
    removeOnFail: true,
  };
}

/** One poll of one flow's polling trigger (a job scheduler per flow, or "poll now"). */
export interface PollJobData {
  flowId: string;
  workspaceId: string;
}

export type MaintenanceJobName = "sweep-queued-runs" | "prune-run-payloads";

/** BullMQ's own key prefix, under REDIS_PREFIX so test suites and installs never share queues. */
export function bullPrefix(): string {
  return `${serverEnv().REDIS_PREFIX}:bull`;
}

function createQueue<T>(name: string, options: Partial<QueueOptions>): Queue<T> {
  return new Queue<T>(name, { connection: createRedis("client"), prefix: bullPrefix(), ...options });
}

export function createRunsQueue(options: Partial<QueueOptions> = {}): Queue<RunJobData> {
  return createQueue<RunJobData>(RUNS_QUEUE, options);
}

export function createSchedulesQueue(options: Partial<QueueOptions> = {}): Queue<ScheduleJobData> {
  return createQueue<ScheduleJobData>(SCHEDULES_QUEUE, options);
}

export function createConnectorEventsQueue(options: Partial<QueueOptions> = {}): Queue<FanOutJobData> {
  return createQueue<FanOutJobData>(CONNECTOR_EVENTS_QUEUE, options);
}

export function createTriggerPollsQueue(options: Partial<QueueOptions> = {}): Queue<PollJobData> {
  return createQueue<PollJobData>(TRIGGER_POLLS_QUEUE, options);
}

export function createMaintenanceQueue(options: Partial<QueueOptions> = {}): Queue {
  return createQueue(MAINTENANCE_QUEUE, options);
}

const holder = globalThis as unknown as {
  ledgerflowRunsQueue?: Queue<RunJobData>;
  ledgerflowSchedulesQueue?: Queue<ScheduleJobData>;
  ledgerflowConnectorEventsQueue?: Queue<FanOutJobData>;
  ledgerflowTriggerPollsQueue?: Queue<PollJobData>;
};

/** The process-wide producer for the runs queue (web ingress, replay, schedules). */
export function sharedRunsQueue(): Queue<RunJobData> {
  holder.ledgerflowRunsQueue ??= createRunsQueue();
  return holder.ledgerflowRunsQueue;
}

export function sharedSchedulesQueue(): Queue<ScheduleJobData> {
  holder.ledgerflowSchedulesQueue ??= createSchedulesQueue();
  return holder.ledgerflowSchedulesQueue;
}

export function sharedConnectorEventsQueue(): Queue<FanOutJobData> {
  holder.ledgerflowConnectorEventsQueue ??= createConnectorEventsQueue();
  return holder.ledgerflowConnectorEventsQueue;
}

export function sharedTriggerPollsQueue(): Queue<PollJobData> {
  holder.ledgerflowTriggerPollsQueue ??= createTriggerPollsQueue();
  return holder.ledgerflowTriggerPollsQueue;
}
