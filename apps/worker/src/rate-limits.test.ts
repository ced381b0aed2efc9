import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { runFlowNow } from "@ledgerflow/runtime";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "./testing/app-processes";
import { orderPayload, orderToInvoiceFlow } from "./testing/flows";
import { seedConnection, seedEnabledFlow, seedWorkspace } from "./testing/seed";
import { type System, startSystem } from "./testing/system";

// Xero's real limits (5 in flight, 60 a minute per organisation) on both sides; the minute is
// shortened to 5 s in the sandbox and in our limiter alike so the test takes seconds, not minutes.
const WINDOW_MS = 5_000;
let system: System;
beforeAll(async () => {
  system = await startSystem({
    workers: 1,
    sandbox: { rateLimits: { concurrentPerTenant: 5, perMinutePerTenant: 60, minuteWindowMs: WINDOW_MS } },
    env: { WORKER_CONCURRENCY: "20", XERO_LIMIT_WINDOW_MS: String(WINDOW_MS) },
  });
}, 90_000);
afterAll(() => system?.stop());

interface TenantStats {
  calls: number;
  rateLimited: number;
  maxConcurrency: number;
}

it("30 runs for one organisation never exceed 5 calls in flight or earn a 429, and another organisation is not held up", async () => {
  const { user, workspace } = await seedWorkspace();
  const busy = await seedConnection(system, { workspaceId: workspace.id, userId: user.id, tenantIndex: 0 });
  const other = await seedConnection(system, { workspaceId: workspace.id, userId: user.id, tenantIndex: 1 });
  const busyFlow = await seedEnabledFlow({
    workspaceId: workspace.id,
    userId: user.id,
    definition: orderToInvoiceFlow(busy.id),
  });
  const otherFlow = await seedEnabledFlow({
    workspaceId: workspace.id,
    userId: user.id,
    definition: orderToInvoiceFlow(other.id),
  });

  const busyRuns = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      runFlowNow({
        workspaceId: workspace.id,
        flowId: busyFlow.id,
        body: orderPayload(`B${i}-${randomUUID().slice(0, 4)}`),
      }),
    ),
  );
  const otherRuns = await Promise.all(
    Array.from({ length: 3 }, (_, i) =>
      runFlowNow({
        workspaceId: workspace.id,
        flowId: otherFlow.id,
        body: orderPayload(`O${i}-${randomUUID().slice(0, 4)}`),
      }),
    ),
  );

  const finishedAt = async (runIds: string[]) => {
    const runs = await prisma.run.findMany({ where: { workspaceId: workspace.id, id: { in: runIds } } });
    return runs.every((run) => run.status === "SUCCEEDED") ? runs.map((run) => run.finishedAt!.getTime()) : undefined;
  };
  const otherDone = await eventually(() => finishedAt(otherRuns.map((run) => run.runId)), {
    timeoutMs: 60_000,
    what: "the other organisation's runs",
  });
  const busyDone = await eventually(() => finishedAt(busyRuns.map((run) => run.runId)), {
    timeoutMs: 120_000,
    intervalMs: 500,
    what: "the busy organisation's 30 runs",
  });

  const stats = await system.admin<{ tenants: Record<string, TenantStats> }>("/sandbox/admin/accounting/stats");
  const busyStats = stats.tenants[busy.externalId.toLowerCase()];
  expect(busyStats?.calls).toBeGreaterThanOrEqual(60);
  expect(busyStats?.maxConcurrency).toBeLessThanOrEqual(5);
  expect(busyStats?.rateLimited).toBe(0);
  expect(stats.tenants[other.externalId.toLowerCase()]?.rateLimited).toBe(0);
  // The busy organisation needs more than one window; the other one's runs were not queued behind it.
  expect(Math.max(...otherDone)).toBeLessThan(Math.max(...busyDone));
}, 180_000);
