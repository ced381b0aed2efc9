import { z } from "zod";

/** An admin's instruction: for one tenant (or all), fail the next N calls and/or delay every call. */
export const faultRuleSchema = z
  .object({
    tenantId: z.string().min(1).optional(),
    failNext: z.number().int().min(0).max(10_000).optional(),
    failStatus: z.union([z.literal(429), z.literal(500), z.literal(503)]).default(503),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
  })
  .refine((rule) => rule.failNext !== undefined || rule.latencyMs !== undefined, {
    message: "give failNext and/or latencyMs",
  });

export type FaultRule = z.infer<typeof faultRuleSchema>;

interface ActiveFaults {
  failRemaining: number;
  failStatus: 429 | 500 | 503;
  latencyMs: number;
}

/** What to do to one call: wait, then possibly fail. */
export interface FaultDecision {
  latencyMs: number;
  failStatus?: 429 | 500 | 503;
}

const ALL_TENANTS = "*";

/** Fault injection for tests: failures and latency per tenant or for every tenant. */
export class FaultInjector {
  private readonly rules = new Map<string, ActiveFaults>();

  set(rule: FaultRule): void {
    const key = rule.tenantId ?? ALL_TENANTS;
    const current = this.rules.get(key) ?? { failRemaining: 0, failStatus: 503, latencyMs: 0 };
    this.rules.set(key, {
      failRemaining: rule.failNext ?? current.failRemaining,
      failStatus: rule.failStatus,
      latencyMs: rule.latencyMs ?? current.latencyMs,
    });
  }

  clear(tenantId?: string): void {
    if (tenantId) this.rules.delete(tenantId);
    else this.rules.clear();
  }

  list(): Record<string, ActiveFaults> {
    return Object.fromEntries(this.rules);
  }

  /** Decides for one call; a tenant's own rule wins over the all-tenants rule, and failures are used up. */
  take(tenantId: string): FaultDecision {
    const own = this.rules.get(tenantId);
    const global = this.rules.get(ALL_TENANTS);
    const latencyMs = Math.max(own?.latencyMs ?? 0, global?.latencyMs ?? 0);
    const failing = [own, global].find((rule) => rule && rule.failRemaining > 0);
    if (!failing) return { latencyMs };
    failing.failRemaining--;
    return { latencyMs, failStatus: failing.failStatus };
  }
}
