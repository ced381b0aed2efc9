import { randomUUID } from "node:crypto";
import { runFlowNow } from "@ledgerflow/runtime";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "./testing/app-processes";
import { finishedRun } from "./testing/finished-run";
import { batchContactFlow } from "./testing/flows";
import { seedConnectedFlow } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { startTcpProxy, type TcpProxy } from "./testing/tcp-proxy";
import { contactsNamed } from "./testing/xero-reads";

// RUN_MAX_ATTEMPTS is the budget for Xero's errors. An outage of our own PostgreSQL fails every
// execution at its first statement; those executions must wait and retry without spending it —
// and a run whose last allowed attempt falls in the outage must not be left RUNNING for good.
let proxy: TcpProxy;
let system: System;

beforeAll(async () => {
  const real = new URL(process.env.DATABASE_URL ?? "");
  proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
  system = await startSystem({
    workers: 1,
    env: { RUN_MAX_ATTEMPTS: "2" },
    databaseProxy: proxy,
  });
}, 120_000);
afterAll(async () => {
  await system?.stop();
  await proxy?.stop();
});

it("executions refused by a PostgreSQL outage spend none of the run's attempts, and the run succeeds after it", async () => {
  const batch = `PGATT-${randomUUID().slice(0, 6)}`;
  const { workspace, connection, flow } = await seedConnectedFlow(system, (connectionId) =>
    batchContactFlow(connectionId, batch, "manual"),
  );
  const worker = system.workers[0];
  const failedExecutions = () => worker?.output().match(/attempt \d+ failed: PostgreSQL or Redis failed/g)?.length ?? 0;

  await proxy.stop();
  // The test itself reaches the real database: the run is stored and queued, the worker cannot see it.
  const { runId } = await runFlowNow({ workspaceId: workspace.id, flowId: flow.id, body: { name: `${batch} one` } });
  await eventually(async () => failedExecutions() >= 3, {
    timeoutMs: 30_000,
    what: "three executions to fail on the outage (more than RUN_MAX_ATTEMPTS)",
  });
  await proxy.start();

  const run = await finishedRun(runId, workspace.id);
  expect(run).toMatchObject({ status: "SUCCEEDED", failedAttempts: 0, attempts: 1 });
  expect(await contactsNamed(system, connection.externalId, `${batch} one`)).toHaveLength(1);
  // The operator can see why the executions waited, without credentials.
  expect(worker?.output()).toMatch(/DatabaseNotReachable|ECONNREFUSED|ConnectionClosed/);
  expect(worker?.output()).not.toMatch(/postgres(ql)?:\/\/[^*\s]*@/);
}, 120_000);
