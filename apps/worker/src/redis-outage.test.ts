import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "./testing/app-processes";
import { batchContactFlow } from "./testing/flows";
import { createTestRedis, type TestRedis } from "./testing/redis-server";
import { seedConnection, seedEnabledFlow, seedWorkspace } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { xeroGet } from "./testing/xero-reads";

// Redis is only queues and counters: losing it must lose no accepted event. This test runs its own
// redis-server so that it can stop and restart it.
let redis: TestRedis;
let system: System;

beforeAll(async () => {
  redis = await createTestRedis();
  await redis.start();
  system = await startSystem({ web: true, workers: 1, env: { REDIS_URL: redis.url } });
}, 120_000);
afterAll(async () => {
  await system?.stop();
  await redis?.kill();
});

it("Redis down while 50 webhooks arrive: all are answered 202 and stored, and all run once Redis is back", async () => {
  const { user, workspace } = await seedWorkspace();
  const connection = await seedConnection(system, { workspaceId: workspace.id, userId: user.id });
  const batch = `OUTAGE-${randomUUID().slice(0, 6)}`;
  const flow = await seedEnabledFlow({
    workspaceId: workspace.id,
    userId: user.id,
    definition: batchContactFlow(connection.id, batch),
  });

  await redis.kill();
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      fetch(`${system.webUrl}/api/hooks/${flow.webhookToken}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: `${batch} #${i}` }),
      }),
    ),
  );
  expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(202));
  const queued = await prisma.run.count({ where: { workspaceId: workspace.id, flowId: flow.id, status: "QUEUED" } });
  expect(queued).toBe(50);

  await redis.start();
  await eventually(
    async () =>
      (await prisma.run.count({ where: { workspaceId: workspace.id, flowId: flow.id, status: "SUCCEEDED" } })) === 50,
    { timeoutMs: 90_000, intervalMs: 500, what: "all 50 runs to succeed after Redis came back" },
  );
  // Each event became exactly one contact in Xero: nothing lost, nothing written twice.
  const where = encodeURIComponent(`AccountNumber=="${batch}"`);
  const { Contacts } = await xeroGet<{ Contacts: { Name: string }[] }>(
    system,
    connection.externalId,
    `/Contacts?where=${where}`,
  );
  expect(new Set(Contacts.map((contact) => contact.Name)).size).toBe(50);
  expect(Contacts).toHaveLength(50);
}, 180_000);
