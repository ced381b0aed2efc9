import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { redisKey } from "./redis";

/**
 * A remote service's limits (a connector declares them), enforced in Redis before every call so
 * that all processes together stay under them: per account (for Xero: per organisation) at most
 * `concurrent` calls in flight, `perMinute` per minute and `perDay` per day; across the app
 * `appPerMinute` per minute. 0 switches a limit off.
 *
 * Windows are sliding (a sorted set of call times per window), which is never looser than a fixed
 * window of the same length: if no 60 s span holds more than 60 calls, no clock minute does either.
 */
export interface CallLimits {
  concurrent: number;
  perMinute: number;
  perDay: number;
  appPerMinute: number;
  /** Length of the "minute" window; shortened by tests and benchmarks. */
  minuteMs: number;
  /** A lease left behind by a crashed process frees itself after this long. */
  leaseMs: number;
}

export type SlotResult =
  | { ok: true; release: () => Promise<void> }
  | { ok: false; reason: "concurrent" | "minute" | "day" | "app_minute"; retryInMs: number };

const DAY_MS = 86_400_000;
// How long to wait before retrying when every in-flight slot is taken: slots free as calls finish,
// which we cannot predict, so poll briefly.
const CONCURRENCY_RETRY_MS = 150;

// KEYS: inflight, minute, day, app-minute. ARGV: leaseMs, concurrent, perMinute, perDay,
// appPerMinute, minuteMs, dayMs, id, concurrencyRetryMs. Time comes from the Redis server so every
// worker shares one clock.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local leaseMs, conc, perMin, perDay, appPerMin = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local minuteMs, dayMs, id, concRetry = tonumber(ARGV[6]), tonumber(ARGV[7]), ARGV[8], tonumber(ARGV[9])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - minuteMs)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - dayMs)
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - minuteMs)
local function full(key, limit, windowMs, reason)
  if limit > 0 and redis.call('ZCARD', key) >= limit then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    return {0, reason, math.max(1, tonumber(oldest[2]) + windowMs - now)}
  end
  return nil
end
if conc > 0 and redis.call('ZCARD', KEYS[1]) >= conc then return {0, 'concurrent', concRetry} end
local r = full(KEYS[3], perDay, dayMs, 'day') or full(KEYS[2], perMin, minuteMs, 'minute') or full(KEYS[4], appPerMin, minuteMs, 'app_minute')
if r then return r end
-- Until it is released, a call counts as happening "now + lease" (inside every window): a service counts
-- it when it arrives, somewhere between our acquire and our release.
local pending = now + leaseMs
if conc > 0 then redis.call('ZADD', KEYS[1], pending, id); redis.call('PEXPIRE', KEYS[1], leaseMs) end
if perMin > 0 then redis.call('ZADD', KEYS[2], pending, id); redis.call('PEXPIRE', KEYS[2], minuteMs + leaseMs) end
if perDay > 0 then redis.call('ZADD', KEYS[3], pending, id); redis.call('PEXPIRE', KEYS[3], dayMs + leaseMs) end
if appPerMin > 0 then redis.call('ZADD', KEYS[4], pending, id); redis.call('PEXPIRE', KEYS[4], minuteMs + leaseMs) end
return {1}
`;

// On release the call's window entries take the release time: the call reached the service no later than
// that, so our windows cover the service's however long the request spent on the way.
const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[1], ARGV[1])
for i = 2, 4 do redis.call('ZADD', KEYS[i], 'XX', now, ARGV[1]) end
return 1
`;

export class RateLimiter {
  /** `service` keeps each connector's windows apart ("xero"). */
  constructor(
    private readonly redis: Redis,
    private readonly service: string,
    private readonly limits: CallLimits,
  ) {}

  get unlimited(): boolean {
    const { concurrent, perMinute, perDay, appPerMinute } = this.limits;
    return concurrent === 0 && perMinute === 0 && perDay === 0 && appPerMinute === 0;
  }

  /** Takes a slot for one call on `account`'s behalf, or says how long to wait. Never blocks. */
  async tryAcquire(account: string): Promise<SlotResult> {
    if (this.unlimited) return { ok: true, release: async () => {} };
    const l = this.limits;
    const keys = [
      redisKey("limit", this.service, account, "inflight"),
      redisKey("limit", this.service, account, "minute"),
      redisKey("limit", this.service, account, "day"),
      redisKey("limit", this.service, "app", "minute"),
    ];
    const id = randomUUID();
    const result = (await this.redis.eval(
      ACQUIRE,
      4,
      ...keys,
      l.leaseMs,
      l.concurrent,
      l.perMinute,
      l.perDay,
      l.appPerMinute,
      l.minuteMs,
      DAY_MS,
      id,
      CONCURRENCY_RETRY_MS,
    )) as [number, string?, number?];
    if (result[0] === 1) {
      // A release that cannot reach Redis is not an error for the call: the lease expires by itself.
      const release = () =>
        this.redis.eval(RELEASE, 4, ...keys, id).then(
          () => undefined,
          () => undefined,
        );
      return { ok: true, release };
    }
    return { ok: false, reason: result[1] as "concurrent", retryInMs: Number(result[2]) };
  }
}
