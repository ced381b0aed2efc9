import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { type CallLimits, RateLimiter } from "./rate-limiter";
import { createRedis } from "./redis";

// Xero's published limits, as its connector declares them.
const XERO_DEFAULT_LIMITS: CallLimits = {
  concurrent: 5,
  perMinute: 60,
  perDay: 5_000,
  appPerMinute: 10_000,
  minuteMs: 60_000,
  leaseMs: 60_000,
};

const redis = createRedis("client");
afterAll(() => redis.disconnect());

const account = () => `account-${randomUUID()}`;

describe("RateLimiter", () => {
  it("allows five calls in flight per account and refuses the sixth until one is released", async () => {
    const limiter = new RateLimiter(redis, "test", { ...XERO_DEFAULT_LIMITS, appPerMinute: 0 });
    const id = account();
    const slots = await Promise.all(Array.from({ length: 6 }, () => limiter.tryAcquire(id)));
    const granted = slots.filter((s) => s.ok);
    const refused = slots.filter((s) => !s.ok);
    expect(granted).toHaveLength(5);
    expect(refused).toEqual([{ ok: false, reason: "concurrent", retryInMs: expect.any(Number) }]);

    const first = granted[0];
    if (!first?.ok) throw new Error("unreachable");
    await first.release();
    expect((await limiter.tryAcquire(id)).ok).toBe(true);
  });

  it("keeps accounts apart: one account's full slots do not block another", async () => {
    const limiter = new RateLimiter(redis, "test", { ...XERO_DEFAULT_LIMITS, appPerMinute: 0 });
    const busy = account();
    for (let i = 0; i < 5; i++) expect((await limiter.tryAcquire(busy)).ok).toBe(true);
    expect((await limiter.tryAcquire(busy)).ok).toBe(false);
    expect((await limiter.tryAcquire(account())).ok).toBe(true);
  });

  it("keeps services apart: one connector's full slots for an account do not block another's", async () => {
    const limits = { ...XERO_DEFAULT_LIMITS, concurrent: 1, appPerMinute: 0 };
    const id = account();
    expect((await new RateLimiter(redis, "one", limits).tryAcquire(id)).ok).toBe(true);
    expect((await new RateLimiter(redis, "one", limits).tryAcquire(id)).ok).toBe(false);
    expect((await new RateLimiter(redis, "two", limits).tryAcquire(id)).ok).toBe(true);
  });

  it("refuses the 61st call in a minute window and says when the window frees", async () => {
    const limiter = new RateLimiter(redis, "test", {
      ...XERO_DEFAULT_LIMITS,
      concurrent: 0,
      appPerMinute: 0,
      minuteMs: 2_000,
    });
    const id = account();
    for (let i = 0; i < 60; i++) {
      const slot = await limiter.tryAcquire(id);
      if (!slot.ok) throw new Error(`call ${i + 1} was refused`);
      await slot.release(); // a finished call counts from when it ended
    }
    const refused = await limiter.tryAcquire(id);
    expect(refused).toMatchObject({ ok: false, reason: "minute" });
    if (refused.ok) throw new Error("unreachable");
    expect(refused.retryInMs).toBeGreaterThan(0);
    expect(refused.retryInMs).toBeLessThanOrEqual(2_000);
    await new Promise((resolve) => setTimeout(resolve, refused.retryInMs + 20));
    expect((await limiter.tryAcquire(id)).ok).toBe(true);
  });

  it("counts a call still in flight inside every window until it is released", async () => {
    const limiter = new RateLimiter(redis, "test", {
      ...XERO_DEFAULT_LIMITS,
      concurrent: 0,
      appPerMinute: 0,
      perMinute: 1,
      minuteMs: 50,
    });
    const id = account();
    const slow = await limiter.tryAcquire(id);
    await new Promise((resolve) => setTimeout(resolve, 120));
    // Longer than the window, but the service may only just have received it: still counted.
    expect((await limiter.tryAcquire(id)).ok).toBe(false);
    if (slow.ok) await slow.release();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await limiter.tryAcquire(id)).ok).toBe(true);
  });

  it("applies the app-wide limit across accounts", async () => {
    const appLimiter = new RateLimiter(redis, "test", {
      ...XERO_DEFAULT_LIMITS,
      concurrent: 0,
      perMinute: 0,
      appPerMinute: 3,
      minuteMs: 60_000,
    });
    // The app window is shared by the whole test prefix, so start from a clean key.
    await redis.del(`${process.env.REDIS_PREFIX ?? "lf"}:limit:test:app:minute`);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await appLimiter.tryAcquire(account()));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3]).toMatchObject({ reason: "app_minute" });
    await redis.del(`${process.env.REDIS_PREFIX ?? "lf"}:limit:test:app:minute`);
  });

  it("never blocks when every limit is off", async () => {
    const limiter = new RateLimiter(redis, "test", {
      ...XERO_DEFAULT_LIMITS,
      concurrent: 0,
      perMinute: 0,
      perDay: 0,
      appPerMinute: 0,
    });
    const results = await Promise.all(Array.from({ length: 50 }, () => limiter.tryAcquire("any")));
    expect(results.every((r) => r.ok)).toBe(true);
  });
});
