import { serverEnv } from "@ledgerflow/config";
import { Queue, type QueueOptions } from "bullmq";
import { createRedis } from "./redis";

export const RUNS_QUEUE = "runs";

/** A run job carries only the run id: Postgres holds everything else (the outbox pattern). */
export interface RunJobData {
  runId: string;
}

/** BullMQ's own key prefix, under REDIS_PREFIX so test suites and installs never share queues. */
export function bullPrefix(): string {
  return `${serverEnv().REDIS_PREFIX}:bull`;
}

export function createRunsQueue(options: Partial<QueueOptions> = {}): Queue<RunJobData> {
  return new Queue<RunJobData>(RUNS_QUEUE, {
    connection: createRedis("client"),
    prefix: bullPrefix(),
    ...options,
  });
}
