import type { SandboxConfig } from "../config";
import type { ApiStats } from "./api-stats";

export type RateLimitSettings = SandboxConfig["rateLimits"] & {
  /** False switches every limit off at once (the individual values are kept). */
  enabled: boolean;
};

/** Xero's `X-Rate-Limit-Problem` values. */
export type RateLimitProblem = "concurrent" | "minute" | "day" | "appminute";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Xero's published limits, used for the remaining-count headers while a limit is switched off. */
const XERO_LIMITS = { perMinutePerTenant: 60, perDayPerTenant: 5000, appPerMinute: 10_000 };

export type Admission =
  | { ok: true; headers: Record<string, string>; release: () => void }
  | { ok: false; headers: Record<string, string>; problem: RateLimitProblem; retryAfterSeconds: number };

interface TenantWindow {
  inFlight: number;
  minute: number[];
  day: number[];
}

/** Drops timestamps older than the window; logs are in arrival order. */
function prune(log: number[], now: number, windowMs: number): void {
  let expired = 0;
  while (expired < log.length && log[expired]! <= now - windowMs) expired++;
  if (expired) log.splice(0, expired);
}

function secondsUntilFree(log: number[], now: number, windowMs: number): number {
  return Math.max(1, Math.ceil((log[0]! + windowMs - now) / 1000));
}

/**
 * Xero's rate limits as sliding windows: per tenant 5 calls in flight, 60 per minute and 5,000 per
 * day; per app 10,000 per minute. Each can be switched off or tightened at run time, and the
 * "minute" shortened, so tests and benchmarks can reach them quickly.
 */
export class RateLimiter {
  private readonly tenants = new Map<string, TenantWindow>();
  private readonly apps = new Map<string, number[]>();

  constructor(
    private settings: RateLimitSettings,
    private readonly stats: ApiStats,
  ) {}

  current(): RateLimitSettings {
    return { ...this.settings };
  }

  update(changes: Partial<RateLimitSettings>): RateLimitSettings {
    this.settings = { ...this.settings, ...changes };
    return this.current();
  }

  /** Forgets the windows (not the settings), e.g. between tests. */
  resetWindows(tenantId?: string): void {
    if (tenantId) this.tenants.delete(tenantId);
    else {
      this.tenants.clear();
      this.apps.clear();
    }
  }

  private tenant(tenantId: string): TenantWindow {
    let window = this.tenants.get(tenantId);
    if (!window) {
      window = { inFlight: 0, minute: [], day: [] };
      this.tenants.set(tenantId, window);
    }
    return window;
  }

  private app(appId: string): number[] {
    let log = this.apps.get(appId);
    if (!log) {
      log = [];
      this.apps.set(appId, log);
    }
    return log;
  }

  private limit(name: keyof typeof XERO_LIMITS | "concurrentPerTenant"): number | null {
    return this.settings.enabled ? this.settings[name] : null;
  }

  /** The limit headers Xero puts on every response. */
  headers(tenantId: string | undefined, appId: string | undefined, now = Date.now()): Record<string, string> {
    const windowMs = this.settings.minuteWindowMs;
    const tenant = tenantId ? this.tenant(tenantId) : undefined;
    const app = appId ? this.app(appId) : undefined;
    if (tenant) {
      prune(tenant.minute, now, windowMs);
      prune(tenant.day, now, DAY_MS);
    }
    if (app) prune(app, now, windowMs);
    const remaining = (name: keyof typeof XERO_LIMITS, used: number) =>
      String(Math.max(0, (this.limit(name) ?? XERO_LIMITS[name]) - used));
    return {
      "X-DayLimit-Remaining": remaining("perDayPerTenant", tenant?.day.length ?? 0),
      "X-MinLimit-Remaining": remaining("perMinutePerTenant", tenant?.minute.length ?? 0),
      "X-AppMinLimit-Remaining": remaining("appPerMinute", app?.length ?? 0),
    };
  }

  /** Admits one call for `tenantId` made by app `appId`, or says which limit it hit. */
  admit(tenantId: string, appId: string, now = Date.now()): Admission {
    const windowMs = this.settings.minuteWindowMs;
    const tenant = this.tenant(tenantId);
    const app = this.app(appId);
    prune(tenant.minute, now, windowMs);
    prune(tenant.day, now, DAY_MS);
    prune(app, now, windowMs);

    const refuse = (problem: RateLimitProblem, retryAfterSeconds: number): Admission => {
      this.stats.recordRateLimited(tenantId, problem);
      return { ok: false, problem, retryAfterSeconds, headers: this.headers(tenantId, appId, now) };
    };
    const concurrent = this.limit("concurrentPerTenant");
    if (concurrent !== null && tenant.inFlight >= concurrent) return refuse("concurrent", 1);
    const perDay = this.limit("perDayPerTenant");
    if (perDay !== null && tenant.day.length >= perDay) return refuse("day", secondsUntilFree(tenant.day, now, DAY_MS));
    const perMinute = this.limit("perMinutePerTenant");
    if (perMinute !== null && tenant.minute.length >= perMinute) {
      return refuse("minute", secondsUntilFree(tenant.minute, now, windowMs));
    }
    const appPerMinute = this.limit("appPerMinute");
    if (appPerMinute !== null && app.length >= appPerMinute)
      return refuse("appminute", secondsUntilFree(app, now, windowMs));

    tenant.inFlight++;
    tenant.minute.push(now);
    tenant.day.push(now);
    app.push(now);
    this.stats.recordConcurrency(tenantId, tenant.inFlight);
    let released = false;
    return {
      ok: true,
      headers: this.headers(tenantId, appId, now),
      release: () => {
        if (released) return;
        released = true;
        tenant.inFlight--;
      },
    };
  }
}
