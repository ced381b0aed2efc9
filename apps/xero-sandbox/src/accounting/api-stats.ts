/** What the sandbox counts per tenant, read by tests and benchmarks through the admin stats route. */
export interface TenantStats {
  calls: number;
  rateLimited: number;
  rateLimitedBy: Record<string, number>;
  maxConcurrency: number;
  faultsInjected: number;
}

export class ApiStats {
  private readonly tenants = new Map<string, TenantStats>();

  private of(tenantId: string): TenantStats {
    let stats = this.tenants.get(tenantId);
    if (!stats) {
      stats = { calls: 0, rateLimited: 0, rateLimitedBy: {}, maxConcurrency: 0, faultsInjected: 0 };
      this.tenants.set(tenantId, stats);
    }
    return stats;
  }

  recordCall(tenantId: string): void {
    this.of(tenantId).calls++;
  }

  recordRateLimited(tenantId: string, problem: string): void {
    const stats = this.of(tenantId);
    stats.rateLimited++;
    stats.rateLimitedBy[problem] = (stats.rateLimitedBy[problem] ?? 0) + 1;
  }

  recordConcurrency(tenantId: string, inFlight: number): void {
    const stats = this.of(tenantId);
    stats.maxConcurrency = Math.max(stats.maxConcurrency, inFlight);
  }

  recordFault(tenantId: string): void {
    this.of(tenantId).faultsInjected++;
  }

  snapshot(): { tenants: Record<string, TenantStats> } {
    return { tenants: Object.fromEntries([...this.tenants].map(([id, stats]) => [id, structuredClone(stats)])) };
  }

  /** Forgets one tenant's counters, or everyone's. */
  reset(tenantId?: string): void {
    if (tenantId) this.tenants.delete(tenantId);
    else this.tenants.clear();
  }
}
