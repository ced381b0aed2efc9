import { type AnyConnector, CallDeferredError } from "@ledgerflow/engine";
import { type CallLimits, RateLimiter, type SlotResult, sharedRedis } from "@ledgerflow/queue";
import { z } from "zod";

const limitSchema = z.coerce.number().int().min(0);

/**
 * A connector's declared limits, each of which `<KEY>_LIMIT_CONCURRENT`, `_PER_MINUTE`, `_PER_DAY`,
 * `_APP_PER_MINUTE` and `_WINDOW_MS` (e.g. XERO_LIMIT_PER_MINUTE=3) can lower for a test or a
 * benchmark; 0 switches one off. A slot held by a crashed process frees itself once the longest call
 * (`<KEY>_TIMEOUT_MS`, 30 s by default) is surely over.
 */
export function connectorCallLimits(connector: AnyConnector, env: NodeJS.ProcessEnv = process.env): CallLimits | null {
  if (!connector.limits) return null;
  const prefix = connector.key.toUpperCase();
  const read = (name: string, fallback: number) => {
    const value = env[`${prefix}_${name}`];
    if (value === undefined || value === "") return fallback;
    const parsed = limitSchema.safeParse(value);
    if (!parsed.success) throw new Error(`${prefix}_${name} must be a whole number of 0 or more, not "${value}"`);
    return parsed.data;
  };
  const { perAccount, perApp } = connector.limits;
  return {
    concurrent: read("LIMIT_CONCURRENT", perAccount.concurrent),
    perMinute: read("LIMIT_PER_MINUTE", perAccount.perMinute),
    perDay: read("LIMIT_PER_DAY", perAccount.perDay),
    appPerMinute: read("LIMIT_APP_PER_MINUTE", perApp.perMinute),
    minuteMs: read("LIMIT_WINDOW_MS", 60_000) || 60_000,
    leaseMs: read("TIMEOUT_MS", 30_000) + 5_000,
  };
}

const limitWords: Record<Exclude<SlotResult, { ok: true }>["reason"], string> = {
  concurrent: "limit of calls at once",
  minute: "per-minute limit",
  day: "daily limit",
  app_minute: "per-minute limit for this app",
};

const limiters = new Map<string, RateLimiter | null>();

function limiterOf(connector: AnyConnector): RateLimiter | null {
  if (!limiters.has(connector.key)) {
    const limits = connectorCallLimits(connector);
    limiters.set(connector.key, limits && new RateLimiter(sharedRedis(), connector.key, limits));
  }
  return limiters.get(connector.key) ?? null;
}

/**
 * Takes a slot for one call to the connector's service on `account`'s behalf, in every process
 * alike (runs, the Test button, dropdowns); throws CallDeferredError when the limits say wait.
 */
export async function acquireConnectorCallSlot(connector: AnyConnector, account: string): Promise<() => Promise<void>> {
  const limiter = limiterOf(connector);
  if (!limiter) return async () => {};
  const slot = await limiter.tryAcquire(account);
  if (slot.ok) return slot.release;
  throw new CallDeferredError(`${connector.title}'s ${limitWords[slot.reason]}`, slot.retryInMs);
}
