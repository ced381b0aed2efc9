import { randomUUID } from "node:crypto";
import { redisKey, sharedRedis } from "@ledgerflow/queue";

/**
 * Another process held the connection's lock for longer than we were willing to wait. Retryable:
 * by the next attempt the refresh will have finished (or the lock expired).
 */
export class ConnectionLockTimeoutError extends Error {
  readonly retryable = true;
  constructor(connectionId: string) {
    super(`The tokens of Xero connection ${connectionId} are being refreshed elsewhere; try again shortly.`);
    this.name = "ConnectionLockTimeoutError";
  }
}

// Deletes the key only if it still holds our token, so a holder whose lock expired never releases
// the lock someone else has since taken.
const RELEASE_SCRIPT = `
if redis.call("get", KEYS[1]) == ARGV[1] then
  return redis.call("del", KEYS[1])
end
return 0`;

function lockKey(connectionId: string): string {
  return redisKey("lock", "connection", connectionId);
}

export interface ConnectionLockOptions {
  /** The lock expires on its own after this long (a crashed holder never blocks forever). */
  ttlMs?: number;
  /** Give up waiting after this long with ConnectionLockTimeoutError. */
  waitMs?: number;
}

/** Runs `task` holding the connection's Redis lock (SET NX PX with a random token). */
export async function withConnectionLock<T>(
  connectionId: string,
  task: () => Promise<T>,
  { ttlMs = 30_000, waitMs = 15_000 }: ConnectionLockOptions = {},
): Promise<T> {
  const redis = sharedRedis();
  const key = lockKey(connectionId);
  const token = randomUUID();
  const deadline = Date.now() + waitMs;
  let pauseMs = 20;
  while ((await redis.set(key, token, "PX", ttlMs, "NX")) !== "OK") {
    if (Date.now() >= deadline) throw new ConnectionLockTimeoutError(connectionId);
    await new Promise((resolve) => setTimeout(resolve, pauseMs + Math.random() * pauseMs));
    pauseMs = Math.min(pauseMs * 2, 250);
  }
  try {
    return await task();
  } finally {
    await redis.eval(RELEASE_SCRIPT, 1, key, token);
  }
}

/** True while some process holds the connection's lock (i.e. is refreshing its tokens). */
export async function isConnectionLocked(connectionId: string): Promise<boolean> {
  return (await sharedRedis().exists(lockKey(connectionId))) === 1;
}
