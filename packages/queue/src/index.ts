export { clearHeartbeat, HEARTBEAT_INTERVAL_MS, heartbeatKey, liveWorkers, writeHeartbeat } from "./heartbeat";
export { bullPrefix, createRunsQueue, RUNS_QUEUE, type RunJobData } from "./queues";
export { createRedis, redisKey, sharedRedis } from "./redis";
export { type SlotResult, XERO_DEFAULT_LIMITS, type XeroLimits, XeroRateLimiter } from "./xero-rate-limiter";
