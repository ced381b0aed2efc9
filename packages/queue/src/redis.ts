import { serverEnv } from "@ledgerflow/config";
import { Redis, type RedisOptions } from "ioredis";

/**
 * A new ioredis connection. BullMQ workers need `maxRetriesPerRequest: null` (blocking commands);
 * request/response callers (web) want a command to fail after one reconnect attempt when Redis is
 * down instead of waiting forever, so that ingress can fall back on the sweeper.
 */
export function createRedis(purpose: "worker" | "client" = "client", options: RedisOptions = {}): Redis {
  const { REDIS_URL } = serverEnv();
  return new Redis(REDIS_URL, {
    maxRetriesPerRequest: purpose === "worker" ? null : 1,
    connectTimeout: 2_000,
    lazyConnect: false,
    ...options,
  });
}

const holder = globalThis as unknown as { ledgerflowRedis?: Redis };

/** The process-wide shared client for short commands (locks, caches, limits, heartbeats). */
export function sharedRedis(): Redis {
  holder.ledgerflowRedis ??= createRedis("client");
  return holder.ledgerflowRedis;
}

/** Every key we write goes through here so that REDIS_PREFIX isolates installs and test suites. */
export function redisKey(...parts: string[]): string {
  return [serverEnv().REDIS_PREFIX, ...parts].join(":");
}
