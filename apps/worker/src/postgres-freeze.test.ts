import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "./testing/app-processes";
import { batchContactFlow } from "./testing/flows";
import { seedConnection, seedEnabledFlow, seedWorkspace } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { startTcpProxy, type TcpProxy } from "./testing/tcp-proxy";
import { contactNamesOfBatch } from "./testing/xero-reads";

// A PostgreSQL that hangs rather than refuses (a frozen server, packets dropped on an open
// connection): the webhook must answer 503 within its deadline instead of hanging — and the
// insert it gave up on still commits once the network moves again, too late for the sender to
// know. With an event id, that late run and the sender's retry are one event: one run executes,
// the other is its duplicate. The web app and the worker reach the database through a proxy
// that the test freezes just as the run's insert leaves the web app (every connection stays
// open, no byte moves); the test itself reads the real server.
let proxy: TcpProxy;
let system: System;

beforeAll(async () => {
  const real = new URL(process.env.DATABASE_URL ?? "");
  proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
  system = await startSystem({
    web: true,
    workers: 1,
    databaseProxy: proxy,
    processEnv: { WEBHOOK_DB_TIMEOUT_MS: "1500" },
  });
}, 120_000);
afterAll(async () => {
  proxy?.thaw();
  await system?.stop();
  await proxy?.stop();
});

it("PostgreSQL frozen: the webhook answers 503 instead of hanging; the retry after thaw leaves one executed run", async () => {
  const { user, workspace } = await seedWorkspace();
  const connection = await seedConnection(system, { workspaceId: workspace.id, userId: user.id });
  const batch = `PGFREEZE-${randomUUID().slice(0, 6)}`;
  const flow = await seedEnabledFlow({
    workspaceId: workspace.id,
    userId: user.id,
    definition: batchContactFlow(connection.id, batch),
  });
  const post = (name: string, key: string) =>
    fetch(`${system.webUrl}/api/hooks/${flow.webhookToken}`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify({ name }),
    });
  const ourRuns = () =>
    prisma.run.findMany({ where: { workspaceId: workspace.id, flowId: flow.id }, orderBy: { createdAt: "asc" } });

  // Warm: the web app's ingress pool holds an open connection, which is what the freeze catches.
  const warm = await post(`${batch} warm`, `${batch}-warm`);
  expect(warm.status).toBe(202);

  proxy.freezeOn('INSERT INTO "WebhookEvent"');
  const startedAt = Date.now();
  const during = await post(`${batch} order`, `${batch}-order`);
  const tookMs = Date.now() - startedAt;
  expect(during.status).toBe(503);
  expect(((await during.json()) as { error: string }).error).toMatch(/retry/i);
  // Answered within its deadline rather than hanging (it hung past 40 s before): the client-side
  // query timeout, WEBHOOK_DB_TIMEOUT_MS + 500 ms. The bound is loose so that a loaded machine
  // cannot fail it; a hang still would.
  expect(tookMs).toBeLessThan(15_000);
  // The timed-out connection was dropped; a second request while still frozen needs a new one,
  // whose handshake never completes: also 503, after the connection timeout.
  const again = await post(`${batch} order`, `${batch}-order`);
  expect(again.status).toBe(503);

  proxy.thaw();
  // The held insert reaches PostgreSQL now and commits: a run the sender was told nothing about
  // (the sweeper enqueues it). The sender retries with the same Idempotency-Key; whichever of
  // the two PostgreSQL sees first is the run, and the other is its duplicate.
  const retry = await eventually(
    async () => {
      const response = await post(`${batch} order`, `${batch}-order`);
      return response.status === 202 ? ((await response.json()) as { runId: string; duplicateOf?: string }) : undefined;
    },
    { what: "the retry to be accepted once PostgreSQL moves again" },
  );
  const executedId = retry.duplicateOf ?? retry.runId;
  await eventually(
    async () =>
      (await prisma.run.findFirst({ where: { id: executedId, workspaceId: workspace.id } }))?.status === "SUCCEEDED",
    { what: `run ${executedId} to succeed`, timeoutMs: 60_000 },
  );

  const order = (await ourRuns()).filter((run) => run.eventId === `${batch}-order`);
  // The late commit and the retry: two rows, one event.
  expect(order).toHaveLength(2);
  expect(order.filter((run) => run.status !== "DUPLICATE").map((run) => [run.id, run.status])).toEqual([
    [executedId, "SUCCEEDED"],
  ]);
  expect(order.filter((run) => run.status === "DUPLICATE").every((run) => run.duplicateOfId === executedId)).toBe(true);
  // Xero got the event once (and the warm-up once).
  expect(await contactNamesOfBatch(system, connection.externalId, batch)).toEqual([`${batch} order`, `${batch} warm`]);
}, 120_000);
