import { hostname } from "node:os";
import { serverEnv } from "@ledgerflow/config";
import {
  bullPrefix,
  CONNECTOR_EVENTS_QUEUE,
  clearHeartbeat,
  createMaintenanceQueue,
  createRedis,
  type FanOutJobData,
  HEARTBEAT_INTERVAL_MS,
  MAINTENANCE_QUEUE,
  type PollJobData,
  RUNS_QUEUE,
  type RunJobData,
  SCHEDULES_QUEUE,
  type ScheduleJobData,
  TRIGGER_POLLS_QUEUE,
  writeHeartbeat,
} from "@ledgerflow/queue";
import {
  pruneRunPayloads,
  rearmPolls,
  runBackoffMs,
  scheduleFanOutIfWaiting,
  sweepConnectorEvents,
  sweepStuckRuns,
} from "@ledgerflow/runtime";
import { Worker } from "bullmq";
import { processFanOutJob } from "./process-fan-out-job";
import { processPollJob } from "./process-poll-job";
import { createRunJobProcessor } from "./process-run-job";
import { processScheduleJob } from "./process-schedule-job";

const env = serverEnv();
const workerId = `${hostname()}:${process.pid}`;
const log = (message: string) => console.log(`[worker ${workerId}] ${message}`);

const redis = createRedis("worker");
const connection = () => createRedis("worker");

const runs = new Worker<RunJobData>(
  RUNS_QUEUE,
  // Steps call the app's connectors, each under its declared rate limits (packages/runtime/src/connectors).
  createRunJobProcessor({
    leaseMs: env.WORKER_LOCK_MS,
    maxAttempts: env.RUN_MAX_ATTEMPTS,
  }),
  {
    connection: connection(),
    prefix: bullPrefix(),
    concurrency: env.WORKER_CONCURRENCY,
    // Only failures of our own stores are thrown to BullMQ (process-run-job.ts).
    settings: { backoffStrategy: (attemptsMade: number) => runBackoffMs(attemptsMade) },
    // A crashed worker's job is picked up by another after this long without a lock renewal.
    lockDuration: env.WORKER_LOCK_MS,
    stalledInterval: env.WORKER_LOCK_MS,
    // BullMQ fails a job that stalled more than this many times, for good: a run killed twice in a
    // row (a deployment's kill -9) would stay RUNNING. Stalls are harmless here — the execution lease
    // in PostgreSQL keeps one worker per run, and bounds a crash loop (MAX_INTERRUPTIONS).
    maxStalledCount: Number.MAX_SAFE_INTEGER,
  },
);
const schedules = new Worker<ScheduleJobData>(SCHEDULES_QUEUE, processScheduleJob, {
  connection: connection(),
  prefix: bullPrefix(),
  concurrency: 4,
});
// One job per account at a time (its jobId), so an account's events are fanned out in order.
const connectorEvents = new Worker<FanOutJobData>(CONNECTOR_EVENTS_QUEUE, processFanOutJob, {
  connection: connection(),
  prefix: bullPrefix(),
  concurrency: 4,
});
// A poll holds its flow's cursor (trigger-cursor.ts): polls of one flow never overlap.
const polls = new Worker<PollJobData>(TRIGGER_POLLS_QUEUE, (job) => processPollJob(job, log), {
  connection: connection(),
  prefix: bullPrefix(),
  concurrency: 4,
});
const maintenance = new Worker(
  MAINTENANCE_QUEUE,
  async (job) => {
    if (job.name === "prune-run-payloads") {
      const pruned = await pruneRunPayloads(env.RUN_RETENTION_DAYS);
      log(`retention: pruned the payloads of ${pruned} runs older than ${env.RUN_RETENTION_DAYS} days`);
    }
  },
  { connection: connection(), prefix: bullPrefix() },
);
for (const worker of [runs, schedules, connectorEvents, polls, maintenance])
  worker.on("error", (error) => log(`queue error: ${error.message}`));
runs.on("completed", (job, status) => {
  if (env.WORKER_LOG_RUNS) log(`run ${job.data.runId} ${status}`);
});
connectorEvents.on("completed", (job) => {
  scheduleFanOutIfWaiting(job.data.provider, job.data.account).catch((error: Error) =>
    log(
      `fan-out of ${job.data.provider} ${job.data.account}: could not look for late events (the sweeper will): ${error.message}`,
    ),
  );
});
connectorEvents.on("failed", (job, error) => {
  if (job && error.name !== "DelayedError")
    log(`fan-out of ${job.data.provider} ${job.data.account} failed: ${error.message}`);
});
polls.on("failed", (job, error) => {
  if (job) log(`poll of flow ${job.data.flowId} failed: ${error.message}`);
});
runs.on("failed", (job, error) => {
  if (job && error.name !== "DelayedError")
    log(`run ${job.data.runId} attempt ${job.attemptsMade} failed: ${error.message}`);
});

// Retention runs once a day across all workers (a job scheduler is a singleton per id).
await createMaintenanceQueue().upsertJobScheduler(
  "prune-run-payloads",
  { pattern: "17 3 * * *" },
  { name: "prune-run-payloads" },
);

// Polls as each flow's trigger needs them now (a lost scheduler, XERO_WEBHOOK_KEY set or removed).
try {
  const polling = await rearmPolls();
  if (polling > 0) log(`${polling} flows poll their app's records`);
} catch (error) {
  log(`could not re-arm the polls (each flow's next publish will): ${(error as Error).message}`);
}

// The sweeper: every worker runs it; re-enqueueing is idempotent (jobId = runId).
async function sweep() {
  try {
    const { enqueued, redisWasReset } = await sweepStuckRuns({ graceMs: env.SWEEPER_QUEUED_AFTER_MS });
    if (redisWasReset)
      log(`sweeper: Redis had no marker (first start, or it lost its data): checked every unfinished run`);
    if (enqueued > 0) log(`sweeper: gave ${enqueued} runs a new job`);
    const accounts = await sweepConnectorEvents({ graceMs: env.SWEEPER_QUEUED_AFTER_MS });
    if (accounts > 0) log(`sweeper: gave ${accounts} accounts' waiting events a fan-out job`);
  } catch (error) {
    log(`sweeper failed: ${(error as Error).message}`);
  }
}
const sweeper = setInterval(sweep, env.SWEEPER_INTERVAL_MS);

async function beat() {
  try {
    await writeHeartbeat(redis, workerId);
  } catch (error) {
    log(`heartbeat failed: ${(error as Error).message}`);
  }
}
await beat();
const heartbeat = setInterval(beat, HEARTBEAT_INTERVAL_MS);
log(`consuming "${RUNS_QUEUE}" with concurrency ${env.WORKER_CONCURRENCY}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing in-flight steps`);
  clearInterval(heartbeat);
  clearInterval(sweeper);
  // close() stops taking jobs and waits for the ones in progress to finish.
  await Promise.all([runs.close(), schedules.close(), connectorEvents.close(), polls.close(), maintenance.close()]);
  await clearHeartbeat(redis, workerId).catch(() => {});
  redis.disconnect();
  log("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
