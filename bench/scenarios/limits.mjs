// 4. limits: T organisations × R runs of the 2-step flow with Xero's real per-organisation limits
// (5 in flight, 60 a "minute", 5,000 a day) on in the sandbox and in our limiter alike, the minute
// shortened by the same factor on both sides. Counts the sandbox's 429s and how much of each
// organisation's allowance was used while its runs were going.
import { seedFlow } from "../lib/seed.mjs";
import { UNBOUNDED_LIMITS } from "../lib/stack.mjs";
import { round } from "./ingest.mjs";

const PER_MINUTE = 60;

export async function limits(ctx) {
  const { settings, stack, domain, sql, seeded, log } = ctx;
  const tenants = settings.limitTenants;
  const windowMs = Math.round(60_000 / settings.limitWindowFactor);
  // Not the first organisation: the other scenarios used up its day (5,000 calls) in our limiter.
  const connections = seeded.connections.slice(1, tenants + 1);
  if (connections.length < tenants) throw new Error(`only ${connections.length} organisations are connected`);

  const ours = {
    XERO_LIMIT_CONCURRENT: "5",
    XERO_LIMIT_PER_MINUTE: String(PER_MINUTE),
    XERO_LIMIT_PER_DAY: "5000",
    XERO_LIMIT_APP_PER_MINUTE: "10000",
    XERO_LIMIT_WINDOW_MS: String(windowMs),
  };
  log(`limits: restarting the worker with Xero's limits and a ${windowMs} ms minute…`);
  await stack.restartWorker(ours);
  await stack.admin("/sandbox/admin/accounting/rate-limits", {
    method: "PUT",
    body: {
      enabled: true,
      concurrentPerTenant: 5,
      perMinutePerTenant: PER_MINUTE,
      perDayPerTenant: 5000,
      appPerMinute: 10_000,
      minuteWindowMs: windowMs,
      resetWindows: true,
    },
  });
  await stack.admin("/sandbox/admin/accounting/stats", { method: "DELETE" });

  try {
    const flows = [];
    for (const [index, connection] of connections.entries()) {
      flows.push(
        await seedFlow(domain, {
          workspaceId: seeded.workspace.id,
          userId: seeded.user.id,
          name: `Bench limits ${index + 1}`,
          definition: domain.flows.orderToInvoiceFlow(connection.id),
        }),
      );
    }
    log(`limits: starting ${tenants} × ${settings.limitRuns} runs…`);
    const tag = `L${Date.now().toString(36)}`;
    const jobs = flows.flatMap((flow, t) =>
      Array.from({ length: settings.limitRuns }, (_, i) => ({ flow, orderId: `${tag}-${t}-${i}` })),
    );
    for (let i = 0; i < jobs.length; i += 50) {
      await Promise.all(
        jobs.slice(i, i + 50).map(({ flow, orderId }) =>
          domain.runtime.runFlowNow({
            workspaceId: seeded.workspace.id,
            flowId: flow.id,
            body: domain.flows.orderPayload(orderId),
          }),
        ),
      );
    }
    const flowIds = flows.map((flow) => flow.id);
    // Three calls a run (find, create contact, create invoice) at 60 a window, with room to spare.
    const expectedMs = ((settings.limitRuns * 3) / PER_MINUTE + 1) * windowMs;
    const deadline = Date.now() + Math.max(60_000, expectedMs * 3);
    for (;;) {
      const { rows } = await sql.query(
        `SELECT count(*) FILTER (WHERE status IN ('QUEUED', 'RUNNING'))::int AS open FROM "Run" WHERE "flowId" = ANY($1::text[])`,
        [flowIds],
      );
      if (rows[0].open === 0) break;
      if (Date.now() > deadline) {
        log(`limits: gave up waiting with ${rows[0].open} runs open`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const stats = await stack.admin("/sandbox/admin/accounting/stats");
    const { rows: spans } = await sql.query(
      `SELECT r."flowId" AS flow_id,
              count(DISTINCT r.id) FILTER (WHERE r.status = 'SUCCEEDED')::int AS succeeded,
              count(DISTINCT r.id) FILTER (WHERE r.status = 'FAILED')::int AS failed,
              extract(epoch FROM max(s."finishedAt") - min(s."startedAt")) * 1000 AS span_ms
         FROM "Run" r JOIN "StepRun" s ON s."runId" = r.id
        WHERE r."flowId" = ANY($1::text[]) GROUP BY r."flowId"`,
      [flowIds],
    );
    const perTenant = connections.map((connection, t) => {
      const tenant = stats.tenants[connection.externalId.toLowerCase()] ?? {
        calls: 0,
        rateLimited: 0,
        maxConcurrency: 0,
      };
      const span = spans.find((row) => row.flow_id === flows[t].id);
      const spanMs = Number(span?.span_ms ?? 0);
      // N calls at 60 a sliding window need at least (ceil(N / 60) - 1) windows from the first call
      // to the last: utilisation is that shortest span over the actual one (1 = as fast as allowed).
      const shortestMs = (Math.ceil(tenant.calls / PER_MINUTE) - 1) * windowMs;
      return {
        tenant: t + 1,
        calls: tenant.calls,
        rateLimited: tenant.rateLimited,
        maxConcurrency: tenant.maxConcurrency,
        succeeded: span?.succeeded ?? 0,
        failed: span?.failed ?? 0,
        span_s: round(spanMs / 1000, 1),
        utilisation: shortestMs > 0 && spanMs > 0 ? round(shortestMs / spanMs, 3) : null,
      };
    });
    return {
      parameters: {
        tenants,
        runsPerTenant: settings.limitRuns,
        windowFactor: settings.limitWindowFactor,
        windowMs,
        limits: "5 in flight, 60 per window, 5,000 a day per organisation; 10,000 per window per app",
        utilisation:
          "shortest span the limits allow for the calls made, (ceil(calls ÷ 60) − 1) × window, ÷ actual span (first step started → last step finished)",
      },
      metrics: {
        limit_429s: perTenant.reduce((sum, tenant) => sum + tenant.rateLimited, 0),
        limit_utilisation: Math.min(...perTenant.map((tenant) => tenant.utilisation ?? 0)),
      },
      detail: { perTenant },
    };
  } finally {
    await stack.admin("/sandbox/admin/accounting/rate-limits", { method: "PUT", body: { enabled: false } });
    log("limits: restarting the worker with the limiter unbounded again…");
    await stack.restartWorker(UNBOUNDED_LIMITS);
  }
}
