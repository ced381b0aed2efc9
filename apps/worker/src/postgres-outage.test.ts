import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { createRunsQueue, type RunJobData } from "@ledgerflow/queue";
import type { Queue } from "bullmq";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "./testing/app-processes";
import { batchContactFlow } from "./testing/flows";
import { seedConnection, seedEnabledFlow, seedWorkspace } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { startTcpProxy, type TcpProxy } from "./testing/tcp-proxy";
import { xeroGet } from "./testing/xero-reads";

// PostgreSQL is the source of truth: while it is down, ingress must refuse events (503, "retry")
// rather than accept what it cannot store, and must leave nothing behind — no run row, no queued
// job. The web app and the worker reach the database through a proxy in this process, so the test
// can "stop PostgreSQL" for them (cut every connection, refuse new ones) while the real server
// keeps serving the other suites and this test's own checks.
let proxy: TcpProxy;
let system: System;
let queue: Queue<RunJobData>;

beforeAll(async () => {
  const real = new URL(process.env.DATABASE_URL ?? "");
  proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
  system = await startSystem({
    web: true,
    workers: 1,
    databaseProxy: proxy,
  });
  queue = createRunsQueue(); // after startSystem: it sets this system's REDIS_PREFIX
}, 120_000);
afterAll(async () => {
  await queue?.close();
  await system?.stop();
  await proxy?.stop();
});

it("Postgres down: webhooks get 503 and leave no run and no job; once it is back they are accepted and run", async () => {
  const { user, workspace } = await seedWorkspace();
  const connection = await seedConnection(system, { workspaceId: workspace.id, userId: user.id });
  const batch = `PGDOWN-${randomUUID().slice(0, 6)}`;
  const flow = await seedEnabledFlow({
    workspaceId: workspace.id,
    userId: user.id,
    definition: batchContactFlow(connection.id, batch),
  });
  const post = (name: string) =>
    fetch(`${system.webUrl}/api/hooks/${flow.webhookToken}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name }),
    });
  const succeeded = (runId: string) =>
    eventually(
      async () =>
        (await prisma.run.findFirst({ where: { id: runId, workspaceId: workspace.id } }))?.status === "SUCCEEDED",
      { what: `run ${runId} to succeed` },
    );
  const ourRuns = () =>
    prisma.run.findMany({ where: { workspaceId: workspace.id, flowId: flow.id }, orderBy: { createdAt: "asc" } });
  // Every job in this system's runs queue, in any state: each must belong to a stored run.
  const queuedRunIds = async () =>
    (await queue.getJobs(["waiting", "active", "delayed", "prioritized", "paused", "completed", "failed"]))
      .filter((job) => job !== undefined)
      .map((job) => job.data.runId);

  const before = await post(`${batch} before`);
  expect(before.status).toBe(202);
  const { runId: beforeId } = (await before.json()) as { runId: string };
  await succeeded(beforeId);
  expect(proxy.connectionsMade()).toBeGreaterThan(0);

  await proxy.stop();
  const startedAt = Date.now();
  const during = await post(`${batch} during`);
  const tookMs = Date.now() - startedAt;
  expect(during.status).toBe(503);
  // Refused at once (the connection is refused), not held until the sender's own timeout: a
  // hang would take the route past any client's patience (measured ~0.2 s; the bound is loose
  // so that a loaded CI machine cannot fail it, a hang still would).
  expect(tookMs).toBeLessThan(15_000);
  expect(during.headers.get("content-type")).toMatch(/application\/json/);
  const problem = (await during.json()) as { error: string };
  expect(problem.error).toMatch(/retry/i);
  // Nothing about the database reaches the sender: no URL, credentials, address or driver error.
  for (const secret of ["postgres", "127.0.0.1", String(proxy.port), "econnrefused", "prisma"])
    expect(problem.error.toLowerCase()).not.toContain(secret);
  expect(system.web?.output()).toContain("[hooks] could not store a webhook");

  // The health check agrees that the database is what is down.
  const health = await fetch(`${system.webUrl}/api/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ db: "down", redis: "ok" });

  // Nothing half-written: still only the first run, and no job for a run that does not exist.
  expect((await ourRuns()).map((run) => run.id)).toEqual([beforeId]);
  expect((await queuedRunIds()).filter((id) => id !== beforeId)).toEqual([]);

  await proxy.start();
  const after = await post(`${batch} after`);
  expect(after.status).toBe(202);
  const { runId: afterId } = (await after.json()) as { runId: string };
  await succeeded(afterId);

  const runs = await ourRuns();
  expect(runs.map((run) => [run.id, run.status])).toEqual([
    [beforeId, "SUCCEEDED"],
    [afterId, "SUCCEEDED"],
  ]);
  expect((await queuedRunIds()).filter((id) => id !== beforeId && id !== afterId)).toEqual([]);
  // Xero got the two stored events, once each, and never the refused one.
  const where = encodeURIComponent(`AccountNumber=="${batch}"`);
  const { Contacts } = await xeroGet<{ Contacts: { Name: string }[] }>(
    system,
    connection.externalId,
    `/Contacts?where=${where}`,
  );
  expect(Contacts.map((contact) => contact.Name).sort()).toEqual([`${batch} after`, `${batch} before`]);
}, 60_000);
