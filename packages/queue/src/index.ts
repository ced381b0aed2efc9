export { clearHeartbeat, HEARTBEAT_INTERVAL_MS, heartbeatKey, liveWorkers, writeHeartbeat } from "./heartbeat";
export {
  bullPrefix,
  CONNECTOR_EVENTS_QUEUE,
  createConnectorEventsQueue,
  createMaintenanceQueue,
  createRunsQueue,
  createSchedulesQueue,
  type FanOutJobData,
  fanOutJobOptions,
  MAINTENANCE_QUEUE,
  type MaintenanceJobName,
  RUNS_QUEUE,
  type RunJobData,
  runJobOptions,
  SCHEDULES_QUEUE,
  type ScheduleJobData,
  sharedConnectorEventsQueue,
  sharedRunsQueue,
  sharedSchedulesQueue,
} from "./queues";
export { type CallLimits, RateLimiter, type SlotResult } from "./rate-limiter";
export { createRedis, redisKey, sharedRedis } from "./redis";
export { REDIS_DEADLINE_MS, withRedisDeadline } from "./redis-deadline";
