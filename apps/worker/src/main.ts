import { hostname } from "node:os";
import { serverEnv } from "@ledgerflow/config";
import {
  bullPrefix,
  clearHeartbeat,
  createRedis,
  HEARTBEAT_INTERVAL_MS,
  RUNS_QUEUE,
  type RunJobData,
  writeHeartbeat,
} from "@ledgerflow/queue";
import { Worker } from "bullmq";
import { processRunJob } from "./process-run-job";

const env = serverEnv();
const workerId = `${hostname()}:${process.pid}`;
const log = (message: string) => console.log(`[worker ${workerId}] ${message}`);

const redis = createRedis("worker");
const worker = new Worker<RunJobData>(RUNS_QUEUE, processRunJob, {
  connection: createRedis("worker"),
  prefix: bullPrefix(),
  concurrency: env.WORKER_CONCURRENCY,
});
worker.on("error", (error) => log(`queue error: ${error.message}`));

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
  log(`${signal}: finishing in-flight jobs`);
  clearInterval(heartbeat);
  // worker.close() waits for the jobs in progress to finish before resolving.
  await worker.close();
  await clearHeartbeat(redis, workerId).catch(() => {});
  redis.disconnect();
  log("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
