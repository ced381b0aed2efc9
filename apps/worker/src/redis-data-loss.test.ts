import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import type { FlowDefinition } from "@ledgerflow/engine";
import { runFlowNow } from "@ledgerflow/runtime";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "./testing/app-processes";
import { batchContactFlow } from "./testing/flows";
import { createTestRedis, type TestRedis } from "./testing/redis-server";
import { seedConnectedFlow } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { xeroGet } from "./testing/xero-reads";

// Runs that wait in the queue's delayed set (our limiter deferred them, or they back off after an
// error) exist in Redis only as jobs. When Redis restarts empty, the sweeper must notice and give
// them their jobs back straight away — not after the ten minutes a "stuck RUNNING" rule would wait.
let redis: TestRedis;
let system: System;

beforeAll(async () => {
  redis = await createTestRedis();
  await redis.start();
  system = await startSystem({
    workers: 1,
    env: {
      REDIS_URL: redis.url,
      // Three calls per 20 s window: of five one-call runs, two wait for the window to move on.
      XERO_LIMIT_PER_MINUTE: "3",
      XERO_LIMIT_WINDOW_MS: "20000",
    },
  });
}, 120_000);
afterAll(async () => {
  await system?.stop();
  await redis?.kill();
});

it("Redis restarted empty while runs wait for the rate limit: they run when due, none lost or doubled", async () => {
  const batch = `LOST-${randomUUID().slice(0, 6)}`;
  const { workspace, connection, flow } = await seedConnectedFlow(system, (connectionId) =>
    batchContactFlow(connectionId, batch, "manual"),
  );
  const runs = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      runFlowNow({ workspaceId: workspace.id, flowId: flow.id, body: { name: `${batch} #${i}` } }),
    ),
  );
  const ours = { workspaceId: workspace.id, id: { in: runs.map((run) => run.runId) } };
  await eventually(
    async () =>
      (await prisma.run.count({ where: { ...ours, status: "SUCCEEDED" } })) === 3 &&
      (await prisma.run.count({ where: { ...ours, status: "RUNNING", nextAttemptAt: { not: null } } })) === 2,
    { timeoutMs: 30_000, what: "three runs to succeed and two to wait for the limit" },
  );

  await redis.kill();
  await redis.start();

  // When due (the window is 20 s), not after a ten-minute rescue.
  await eventually(async () => (await prisma.run.count({ where: { ...ours, status: "SUCCEEDED" } })) === 5, {
    timeoutMs: 60_000,
    intervalMs: 250,
    what: "the two waiting runs to succeed after Redis came back empty",
  });
  const where = encodeURIComponent(`AccountNumber=="${batch}"`);
  const { Contacts } = await xeroGet<{ Contacts: { Name: string }[] }>(
    system,
    connection.externalId,
    `/Contacts?where=${where}`,
  );
  expect(Contacts.map((contact) => contact.Name).sort()).toEqual(runs.map((_, i) => `${batch} #${i}`).sort());
}, 150_000);

it("Redis restarted empty while a run waits for a Delay: PostgreSQL knows the moment, and the run goes on then, once", async () => {
  const name = `Delayed through a Redis loss ${randomUUID().slice(0, 6)}`;
  const { workspace, connection, flow } = await seedConnectedFlow(
    system,
    (connectionId): FlowDefinition => ({
      schemaVersion: 2,
      trigger: { type: "manual", config: {} },
      steps: [
        { key: "wait", action: "delay.delayUntil", input: { until: "{{trigger.body.resumeAt}}" } },
        {
          key: "customer",
          action: "xero.findOrCreateContact",
          connectionId,
          input: { matchBy: "Name", Name: "{{trigger.body.name}}" },
        },
      ],
    }),
  );
  const resumeAt = new Date(Date.now() + 4_000);
  const { runId } = await runFlowNow({
    workspaceId: workspace.id,
    flowId: flow.id,
    body: { name, resumeAt: resumeAt.toISOString() },
  });
  const ours = { id: runId, workspaceId: workspace.id };
  await eventually(async () => (await prisma.run.findFirst({ where: ours }))?.status === "WAITING", {
    intervalMs: 50,
    what: "the run to wait for its delay",
  });

  await redis.kill();
  await redis.start();

  const run = await eventually(
    async () => {
      const found = await prisma.run.findFirst({ where: ours, include: { steps: true } });
      return found?.status === "SUCCEEDED" ? found : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 250, what: "the waiting run to go on after Redis came back empty" },
  );
  expect(run.steps.find((step) => step.stepKey === "customer")?.startedAt.getTime()).toBeGreaterThanOrEqual(
    resumeAt.getTime(),
  );
  const where = encodeURIComponent(`Name=="${name}"`);
  const { Contacts } = await xeroGet<{ Contacts: unknown[] }>(
    system,
    connection.externalId,
    `/Contacts?where=${where}`,
  );
  expect(Contacts).toHaveLength(1);
}, 90_000);
