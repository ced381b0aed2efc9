export { clearHeartbeat, HEARTBEAT_INTERVAL_MS, heartbeatKey, liveWorkers, writeHeartbeat } from "./heartbeat";
export {
  bullPrefix,
  createMaintenanceQueue,
  createRunsQueue,
  createSchedulesQueue,
  MAINTENANCE_QUEUE,
  type MaintenanceJobName,
  RUNS_QUEUE,
  type RunJobData,
  runJobOptions,
  SCHEDULES_QUEUE,
  type ScheduleJobData,
  sharedRunsQueue,
  sharedSchedulesQueue,
} from "./queues";
export { type CallLimits, RateLimiter, type SlotResult } from "./rate-limiter";
export { createRedis, redisKey, sharedRedis } from "./redis";
