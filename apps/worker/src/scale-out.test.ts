import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { runFlowNow } from "@ledgerflow/runtime";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "./testing/app-processes";
import { batchContactFlow } from "./testing/flows";
import { seedConnection, seedEnabledFlow, seedWorkspace } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { xeroGet } from "./testing/xero-reads";

// How users scale out: more worker processes on the same Redis. Xero's limits are lifted here (in
// the sandbox and in our limiter) because this is about sharing work, not about pacing.
let system: System;
beforeAll(async () => {
  system = await startSystem({
    workers: 2,
    sandbox: {
      rateLimits: { concurrentPerTenant: null, perMinutePerTenant: null, perDayPerTenant: null, appPerMinute: null },
    },
    env: {
      WORKER_LOG_RUNS: "true",
      WORKER_CONCURRENCY: "8",
      XERO_LIMIT_CONCURRENT: "0",
      XERO_LIMIT_PER_MINUTE: "0",
      XERO_LIMIT_PER_DAY: "0",
      XERO_LIMIT_APP_PER_MINUTE: "0",
    },
  });
}, 90_000);
afterAll(() => system?.stop());

it("two workers share 200 runs: each run executes exactly once and both do work", async () => {
  const { user, workspace } = await seedWorkspace();
  const connection = await seedConnection(system, { workspaceId: workspace.id, userId: user.id });
  const batch = `SCALE-${randomUUID().slice(0, 6)}`;
  const flow = await seedEnabledFlow({
    workspaceId: workspace.id,
    userId: user.id,
    definition: batchContactFlow(connection.id, batch, "manual"),
  });

  const runIds: string[] = [];
  for (let i = 0; i < 200; i++) {
    const { runId } = await runFlowNow({
      workspaceId: workspace.id,
      flowId: flow.id,
      body: { name: `${batch} #${i}` },
    });
    runIds.push(runId);
  }
  await eventually(
    async () =>
      (await prisma.run.count({ where: { flowId: flow.id, workspaceId: workspace.id, status: "SUCCEEDED" } })) === 200,
    { timeoutMs: 120_000, intervalMs: 250, what: "all 200 runs to succeed" },
  );

  const steps = await prisma.stepRun.findMany({ where: { workspaceId: workspace.id, runId: { in: runIds } } });
  expect(steps).toHaveLength(200);
  expect(steps.filter((step) => step.attempts !== 1 || step.status !== "SUCCEEDED")).toEqual([]);

  // A run is SUCCEEDED in Postgres a moment before its worker logs the finished job.
  const finishedBy = await eventually(
    async () => {
      const counts = system.workers.map(
        (worker) => runIds.filter((id) => worker.output().includes(`run ${id} SUCCEEDED`)).length,
      );
      return counts[0]! + counts[1]! === 200 ? counts : undefined;
    },
    { what: "both workers to log every run" },
  );
  expect(finishedBy[0]).toBeGreaterThan(0);
  expect(finishedBy[1]).toBeGreaterThan(0);

  const where = encodeURIComponent(`AccountNumber=="${batch}"`);
  let contacts = 0;
  for (let page = 1; ; page++) {
    const body = await xeroGet<{ Contacts: unknown[] }>(
      system,
      connection.externalId,
      `/Contacts?where=${where}&page=${page}`,
    );
    contacts += body.Contacts.length;
    if (body.Contacts.length < 100) break;
  }
  expect(contacts).toBe(200);
}, 180_000);
