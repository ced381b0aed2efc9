import type { Redis } from "ioredis";
import { redisKey } from "./redis";

/** Workers refresh this key every few seconds; /api/health reads it. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
const HEARTBEAT_TTL_SECONDS = 15;

export function heartbeatKey(workerId: string): string {
  return redisKey("worker", "heartbeat", workerId);
}

export async function writeHeartbeat(redis: Redis, workerId: string): Promise<void> {
  await redis.set(heartbeatKey(workerId), String(Date.now()), "EX", HEARTBEAT_TTL_SECONDS);
}

export async function clearHeartbeat(redis: Redis, workerId: string): Promise<void> {
  await redis.del(heartbeatKey(workerId));
}

/** Ids of workers whose heartbeat has not expired. */
export async function liveWorkers(redis: Redis): Promise<string[]> {
  const prefix = heartbeatKey("");
  const ids: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 100);
    cursor = next;
    for (const key of keys) ids.push(key.slice(prefix.length));
  } while (cursor !== "0");
  return ids;
}
