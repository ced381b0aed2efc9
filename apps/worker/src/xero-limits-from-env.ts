import { serverEnv } from "@ledgerflow/config";
import type { XeroLimits } from "@ledgerflow/queue";

/** Xero's published limits by default; each can be lowered (or 0 = off) for a test or benchmark. */
export function xeroLimitsFromEnv(): XeroLimits {
  const env = serverEnv();
  return {
    concurrent: env.XERO_LIMIT_CONCURRENT,
    perMinute: env.XERO_LIMIT_PER_MINUTE,
    perDay: env.XERO_LIMIT_PER_DAY,
    appPerMinute: env.XERO_LIMIT_APP_PER_MINUTE,
    minuteMs: env.XERO_LIMIT_WINDOW_MS,
    leaseMs: env.XERO_TIMEOUT_MS + 5_000,
  };
}
