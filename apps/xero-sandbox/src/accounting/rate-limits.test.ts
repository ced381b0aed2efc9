import { describe, expect, it } from "vitest";
import { ApiStats } from "./api-stats";
import { RateLimiter, type RateLimitSettings } from "./rate-limits";

const SETTINGS: RateLimitSettings = {
  enabled: true,
  concurrentPerTenant: 5,
  perMinutePerTenant: 2,
  perDayPerTenant: 5000,
  appPerMinute: 10_000,
  minuteWindowMs: 1000,
};

function admitted(limiter: RateLimiter, now: number, tenant = "t1") {
  const admission = limiter.admit(tenant, "app", now);
  if (admission.ok) admission.release();
  return admission;
}

describe("RateLimiter", () => {
  it("slides the (shortened) minute window: a slot frees when the oldest call leaves it", () => {
    const limiter = new RateLimiter(SETTINGS, new ApiStats());
    expect(admitted(limiter, 0).ok).toBe(true);
    expect(admitted(limiter, 400).ok).toBe(true);
    const refused = admitted(limiter, 700);
    expect(refused).toMatchObject({ ok: false, problem: "minute", retryAfterSeconds: 1 });
    expect(refused.headers["X-MinLimit-Remaining"]).toBe("0");
    expect(admitted(limiter, 1001).ok).toBe(true); // the call at 0 has left the window
    expect(admitted(limiter, 1100)).toMatchObject({ ok: false, problem: "minute" });
  });

  it("holds a concurrency slot until released, and counts the peak", () => {
    const stats = new ApiStats();
    const limiter = new RateLimiter({ ...SETTINGS, perMinutePerTenant: null, concurrentPerTenant: 2 }, stats);
    const first = limiter.admit("t1", "app", 0);
    const second = limiter.admit("t1", "app", 0);
    expect(limiter.admit("t1", "app", 0)).toMatchObject({ ok: false, problem: "concurrent", retryAfterSeconds: 1 });
    if (first.ok) first.release();
    expect(limiter.admit("t1", "app", 0).ok).toBe(true);
    expect(second.ok).toBe(true);
    expect(stats.snapshot().tenants.t1).toMatchObject({
      maxConcurrency: 2,
      rateLimited: 1,
      rateLimitedBy: { concurrent: 1 },
    });
  });

  it("reports Xero's numbers in the headers while a limit is off, and never refuses", () => {
    const limiter = new RateLimiter({ ...SETTINGS, enabled: false }, new ApiStats());
    for (let call = 0; call < 10; call++) expect(admitted(limiter, call).ok).toBe(true);
    expect(limiter.headers("t1", "app", 10)).toEqual({
      "X-DayLimit-Remaining": "4990",
      "X-MinLimit-Remaining": "50",
      "X-AppMinLimit-Remaining": "9990",
    });
  });
});
