export { clearHeartbeat, HEARTBEAT_INTERVAL_MS, heartbeatKey, liveWorkers, writeHeartbeat } from "./heartbeat";
export {
  bullPrefix,
  CONNECTOR_EVENTS_QUEUE,
  createConnectorEventsQueue,
  createMaintenanceQueue,
  createRunsQueue,
  createSchedulesQueue,
  createTriggerPollsQueue,
  type FanOutJobData,
  fanOutJobOptions,
  MAINTENANCE_QUEUE,
  type MaintenanceJobName,
  type PollJobData,
  RUNS_QUEUE,
  type RunJobData,
  runJobOptions,
  SCHEDULES_QUEUE,
  type ScheduleJobData,
  sharedConnectorEventsQueue,
  sharedRunsQueue,
  sharedSchedulesQueue,
  sharedTriggerPollsQueue,
  TRIGGER_POLLS_QUEUE,
} from "./queues";
export { type CallLimits, RateLimiter, type SlotResult } from "./rate-limiter";
export { createRedis, redisKey, sharedRedis } from "./redis";
export { REDIS_DEADLINE_MS, withRedisDeadline } from "./redis-deadline";
