import { prisma } from "@ledgerflow/db";
import type { FlowDefinition } from "@ledgerflow/engine";
import { createMaintenanceQueue } from "@ledgerflow/queue";
import { armSchedule, disableFlow } from "@ledgerflow/runtime";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "./testing/app-processes";
import { seedConnection, seedEnabledFlow, seedWorkspace } from "./testing/seed";
import { type System, startSystem } from "./testing/system";

let system: System;
beforeAll(async () => {
  // A retention age no seeded run reaches: the retention job below must not prune other suites' rows.
  system = await startSystem({ workers: 1, env: { RUN_RETENTION_DAYS: "36500" } });
}, 60_000);
afterAll(() => system?.stop());

it("a schedule fires at its times, each run carrying its scheduled time, and stops when switched off", async () => {
  const { user, workspace } = await seedWorkspace();
  const connection = await seedConnection(system, { workspaceId: workspace.id, userId: user.id });
  const definition = {
    schemaVersion: 2,
    trigger: { type: "schedule", config: { mode: "interval", everySeconds: 3600, timezone: "Pacific/Auckland" } },
    steps: [{ key: "tracking", action: "xero.getTrackingCategories", connectionId: connection.id, input: {} }],
  } as FlowDefinition;
  const flow = await seedEnabledFlow({ workspaceId: workspace.id, userId: user.id, definition });
  // Users get at most one run a minute; the test re-arms the same scheduler every 2 s to watch it fire.
  await armSchedule(flow, { mode: "interval", everySeconds: 2, timezone: "Pacific/Auckland" });

  const runs = await eventually(
    async () => {
      const found = await prisma.run.findMany({
        where: { workspaceId: workspace.id, flowId: flow.id, status: "SUCCEEDED" },
        orderBy: { createdAt: "asc" },
      });
      return found.length >= 4 ? found : undefined;
    },
    { timeoutMs: 30_000, what: "four scheduled runs" },
  );
  expect(runs.every((run) => run.source === "SCHEDULE")).toBe(true);
  // The 2-second firings (the hourly schedule it replaced may have fired once at switch-on).
  const times = runs.map((run) => Date.parse((run.trigger as { scheduledAt: string }).scheduledAt)).sort();
  const lastThree = times.slice(-3);
  expect([lastThree[1]! - lastThree[0]!, lastThree[2]! - lastThree[1]!]).toEqual([2_000, 2_000]);

  await disableFlow({ workspaceId: workspace.id, flowId: flow.id });
  const countAfterOff = await prisma.run.count({ where: { workspaceId: workspace.id, flowId: flow.id } });
  await new Promise((resolve) => setTimeout(resolve, 4_500));
  // At most one firing already in flight when it was switched off; then nothing.
  expect(await prisma.run.count({ where: { workspaceId: workspace.id, flowId: flow.id } })).toBeLessThanOrEqual(
    countAfterOff + 1,
  );
}, 90_000);

it("the worker arms the daily retention job, and the job prunes with the configured age", async () => {
  const maintenance = createMaintenanceQueue();
  try {
    const scheduler = await maintenance.getJobScheduler("prune-run-payloads");
    expect(scheduler).toMatchObject({ name: "prune-run-payloads", pattern: "17 3 * * *" });
    // Armed for the next 03:17 (the worker's local time): within a day from now.
    const next = new Date(scheduler?.next ?? 0);
    expect([next.getHours(), next.getMinutes()]).toEqual([3, 17]);
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);

    // Fire it now instead of waiting for 03:17: the worker runs the pruning with RUN_RETENTION_DAYS.
    await maintenance.add("prune-run-payloads", {}, { removeOnComplete: true });
    await eventually(
      async () => /retention: pruned the payloads of \d+ runs older than 36500 days/.test(system.workers[0]!.output()),
      { what: "the worker to run the retention job" },
    );
  } finally {
    await maintenance.close();
  }
});
