import type { FanOutJobData } from "@ledgerflow/queue";
import { fanOutConnectorEvents } from "@ledgerflow/runtime";
import { DelayedError, type Job } from "bullmq";

/**
 * One account's waiting connector events become runs (docs/ARCHITECTURE.md §6). A rate limit or a
 * record that could not be loaded puts the job back, delayed, without spending a BullMQ attempt:
 * the events stay waiting in PostgreSQL, in order, until it runs again.
 */
export async function processFanOutJob(job: Job<FanOutJobData>, token?: string): Promise<string> {
  const outcome = await fanOutConnectorEvents(job.data);
  if (outcome.outcome === "retry" && token) {
    await job.moveToDelayed(Date.now() + outcome.retryInMs, token);
    throw new DelayedError();
  }
  return `${outcome.events} events, ${outcome.runs} runs`;
}
