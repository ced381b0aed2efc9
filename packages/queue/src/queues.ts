import { serverEnv } from "@ledgerflow/config";
import { Queue, type QueueOptions } from "bullmq";
import { createRedis } from "./redis";

export const RUNS_QUEUE = "runs";
export const SCHEDULES_QUEUE = "schedules";
export const MAINTENANCE_QUEUE = "maintenance";

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

export function createMaintenanceQueue(options: Partial<QueueOptions> = {}): Queue {
  return createQueue(MAINTENANCE_QUEUE, options);
}

const holder = globalThis as unknown as {
  ledgerflowRunsQueue?: Queue<RunJobData>;
  ledgerflowSchedulesQueue?: Queue<ScheduleJobData>;
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
