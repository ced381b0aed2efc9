// How long a run waits before its next attempt after a retryable failure: exponential from 1 s,
// capped at 5 minutes, with jitter so that runs failed by the same outage do not return in lockstep;
// never sooner than the service's Retry-After.
const BASE_MS = 1_000;
const MAX_MS = 5 * 60_000;

/** The wait after the `attempt`-th failure (1-based). */
export function runBackoffMs(attempt: number, retryAfterMs = 0): number {
  const exponential = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + Math.random() * (exponential / 2);
  return Math.round(Math.max(jittered, retryAfterMs));
}
