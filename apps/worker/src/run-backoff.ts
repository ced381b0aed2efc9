// How long a run waits before its next attempt after a retryable failure: exponential from 1 s,
// capped at 5 minutes, with jitter so that runs failed by the same outage do not return in lockstep;
// never sooner than Xero's Retry-After.
const BASE_MS = 1_000;
const MAX_MS = 5 * 60_000;

export function runBackoffMs(attemptsMade: number, _type?: string, error?: Error): number {
  const exponential = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attemptsMade - 1));
  const jittered = exponential / 2 + Math.random() * (exponential / 2);
  const retryAfter = (error as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 0;
  return Math.round(Math.max(jittered, retryAfter));
}
