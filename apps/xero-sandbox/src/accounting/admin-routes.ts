import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { requireAdmin, type SandboxConfig } from "../config";
import { parseInput } from "../http/parse-input";
import type { AccountingServices } from "./accounting-route";
import { faultRuleSchema } from "./faults";

// Sandbox-only controls of the Accounting API for tests and benches, guarded by the admin secret:
// fault injection, rate limits at run time, per-tenant reset, and the counters benches read.

const limitValue = z.number().int().positive().nullable().optional();

const rateLimitChangesSchema = z.object({
  enabled: z.boolean().optional(),
  concurrentPerTenant: limitValue,
  perMinutePerTenant: limitValue,
  perDayPerTenant: limitValue,
  appPerMinute: limitValue,
  minuteWindowMs: z.number().int().positive().optional(),
  /** Forget the calls counted so far, so a test starts with full windows. */
  resetWindows: z.boolean().optional(),
});

const tenantQuerySchema = z.object({ tenantId: z.string().min(1).optional() });
const tenantParamsSchema = z.object({ tenantId: z.string().min(1) });

export function registerAccountingAdminRoutes(
  app: FastifyInstance,
  services: AccountingServices,
  config: SandboxConfig,
): void {
  const preHandler = requireAdmin(config);

  app.post("/sandbox/admin/accounting/faults", { preHandler }, async (request, reply) => {
    const rule = parseInput(faultRuleSchema, request.body, reply);
    if (!rule) return;
    services.faults.set({ ...rule, tenantId: rule.tenantId?.toLowerCase() });
    return { faults: services.faults.list() };
  });

  app.delete("/sandbox/admin/accounting/faults", { preHandler }, async (request, reply) => {
    const query = parseInput(tenantQuerySchema, request.query, reply);
    if (!query) return;
    services.faults.clear(query.tenantId?.toLowerCase());
    return { faults: services.faults.list() };
  });

  app.get("/sandbox/admin/accounting/rate-limits", { preHandler }, async () => services.limiter.current());

  app.put("/sandbox/admin/accounting/rate-limits", { preHandler }, async (request, reply) => {
    const body = parseInput(rateLimitChangesSchema, request.body, reply);
    if (!body) return;
    const { resetWindows, ...changes } = body;
    if (resetWindows) services.limiter.resetWindows();
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    return services.limiter.update(defined);
  });

  app.get("/sandbox/admin/accounting/stats", { preHandler }, async () => ({
    ...services.stats.snapshot(),
    rateLimits: services.limiter.current(),
  }));

  app.delete("/sandbox/admin/accounting/stats", { preHandler }, async (request, reply) => {
    const query = parseInput(tenantQuerySchema, request.query, reply);
    if (!query) return;
    services.stats.reset(query.tenantId?.toLowerCase());
    return services.stats.snapshot();
  });

  app.post("/sandbox/admin/tenants/:tenantId/reset", { preHandler }, async (request, reply) => {
    const params = parseInput(tenantParamsSchema, request.params, reply);
    if (!params) return;
    const tenantId = params.tenantId.toLowerCase();
    if (!services.ledger.resetTenant(tenantId)) {
      return reply.code(404).send({ error: "not_found", message: `tenantId: no seeded organisation ${tenantId}` });
    }
    services.idempotency.clear(`${tenantId}/`);
    services.limiter.resetWindows(tenantId);
    services.stats.reset(tenantId);
    services.faults.clear(tenantId);
    return { tenantId, reset: true };
  });
}
