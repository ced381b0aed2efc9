import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually, stopApp } from "./testing/app-processes";
import { orderInvoicePaymentFlow, orderPayload } from "./testing/flows";
import { freePort } from "./testing/free-port";
import { createTestRedis, type TestRedis } from "./testing/redis-server";
import { seedConnectedFlow } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { startTcpProxy, type TcpProxy } from "./testing/tcp-proxy";
import { type XeroInvoice, xeroGet } from "./testing/xero-reads";

// Everything that goes wrong in production, at once, while orders keep arriving: one order every
// 600 ms through webhook → find or create the customer → invoice → payment, on two workers; Redis
// killed and restarted empty; PostgreSQL frozen for 15 s, then cut for 15 s; workers killed four
// times (once all at once, while a run that had already been interrupted was running again); the web
// app killed twice; Xero slow, then flaky (429/500/503), then down for 15 s. The sender behaves as
// senders do: it retries any 5xx, timeout or dropped connection with the same Idempotency-Key.
// Afterwards every order is one invoice and one payment in Xero, and every run has finished.
const ORDERS = Number(process.env.FAULT_ORDERS ?? 300);
const INTERVAL_MS = Number(process.env.FAULT_INTERVAL_MS ?? 600);

let redis: TestRedis;
let database: TcpProxy;
let xero: TcpProxy;
let system: System;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  redis = await createTestRedis();
  await redis.start();
  const realDatabase = new URL(process.env.DATABASE_URL ?? "");
  database = await startTcpProxy({ host: realDatabase.hostname, port: Number(realDatabase.port || 5432) });
  const sandboxPort = await freePort();
  xero = await startTcpProxy({ host: "127.0.0.1", port: sandboxPort });
  system = await startSystem({
    web: true,
    workers: 2,
    sandboxPort,
    // Pacing is not under test here: Xero's limits are lifted in the sandbox and in our limiter.
    sandbox: {
      rateLimits: { concurrentPerTenant: null, perMinutePerTenant: null, perDayPerTenant: null, appPerMinute: null },
    },
    env: {
      REDIS_URL: redis.url,
      WORKER_LOCK_MS: "5000",
      WORKER_CONCURRENCY: "8",
      XERO_TIMEOUT_MS: "5000",
      XERO_LIMIT_CONCURRENT: "0",
      XERO_LIMIT_PER_MINUTE: "0",
      XERO_LIMIT_PER_DAY: "0",
      XERO_LIMIT_APP_PER_MINUTE: "0",
    },
    databaseProxy: database,
    processEnv: {
      // The Accounting API through a proxy the test can cut; sign-in stays direct.
      XERO_API_URL: `http://127.0.0.1:${xero.port}`,
    },
  });
}, 180_000);
afterAll(async () => {
  await system?.stop();
  await Promise.all([redis?.kill(), database?.stop(), xero?.stop()]);
});

it(
  `${ORDERS} orders through Redis, PostgreSQL, worker, web and Xero failures: one invoice and one payment each, every run finished`,
  async () => {
    const { workspace, connection, flow } = await seedConnectedFlow(system, orderInvoicePaymentFlow);
    const batch = `FLT${randomUUID().slice(0, 6)}`;
    const log: string[] = [];
    const note = (what: string) => log.push(`${new Date().toISOString()} ${what}`);
    const setFaults = (rule: object) =>
      system.admin("/sandbox/admin/accounting/faults", { tenantId: connection.externalId, ...rule });

    // ---- the sender: retries 5xx, 429, timeouts and dropped connections, with the same key ----
    const deliver = async (index: number) => {
      const orderId = `${batch}-${index}`;
      const body = JSON.stringify(orderPayload(orderId));
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await fetch(`${system.webUrl}/api/hooks/${flow.webhookToken}`, {
            method: "POST",
            headers: { "content-type": "application/json", "idempotency-key": `order-${orderId}` },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          if (response.status < 500 && response.status !== 429) return { orderId, status: response.status, attempt };
        } catch {
          // The connection dropped or timed out: the sender cannot know whether it was stored.
        }
        if (attempt > 60) return { orderId, status: 0, attempt };
        await sleep(Math.min(8_000, 500 * 2 ** (attempt - 1)));
      }
    };
    const t0 = performance.now();
    const sending = (async () => {
      const deliveries = [];
      for (let index = 0; index < ORDERS; index++) {
        deliveries.push(deliver(index));
        await sleep(INTERVAL_MS);
      }
      return Promise.all(deliveries);
    })();

    // ---- the faults, on a timeline scaled to the orders' duration (the issue's is 300 × 600 ms) ----
    const span = ORDERS * INTERVAL_MS;
    const at = async (fraction: number, what: string, fault: () => Promise<unknown>) => {
      const started = performance.now();
      await sleep(Math.max(0, fraction * span - (performance.now() - t0)));
      note(`${what} (at ${Math.round(performance.now() - t0)} ms)`);
      await fault();
      note(`${what}: done after ${Math.round(performance.now() - started)} ms`);
    };
    const liveWorkers = () =>
      system.workers.filter((worker) => worker.child.exitCode === null && !worker.child.signalCode);
    const killWorker = async (index: number) => {
      const worker = liveWorkers()[index];
      worker?.child.kill("SIGKILL");
      await worker?.exited;
    };
    const faults = (async () => {
      await at(0.03, "Xero slow (700 ms a call)", () => setFaults({ latencyMs: 700 }));
      await at(0.08, "worker killed -9", async () => {
        await killWorker(0);
        await system.startWorker();
      });
      await at(0.14, "Redis killed -9, restarted empty", async () => {
        await redis.kill();
        await sleep(2_000);
        await redis.start();
      });
      await at(0.2, "Xero at normal speed", () => system.clearXeroFaults());
      await at(0.22, "PostgreSQL frozen for 15 s", async () => {
        database.freeze();
        await sleep(15_000);
        database.thaw();
      });
      await at(0.34, "PostgreSQL cut for 15 s", async () => {
        await database.stop();
        await sleep(15_000);
        await database.start();
      });
      await at(0.45, "web killed -9", async () => {
        system.web?.child.kill("SIGKILL");
        await system.restartWeb();
      });
      await at(0.5, "Xero flaky (429, 500, 503)", async () => {
        for (const failStatus of [429, 500, 503, 429, 500, 503]) {
          await setFaults({ failNext: 4, failStatus });
          await sleep(2_500);
        }
      });
      await at(0.6, "worker killed -9", async () => {
        await killWorker(1);
        await system.startWorker();
      });
      await at(0.64, "Xero down for 15 s", async () => {
        await xero.stop();
        await sleep(15_000);
        await xero.start();
      });
      // Slow calls keep runs in flight, so that the next kill interrupts some and the one after finds
      // one of them running again.
      await at(0.72, "Xero slow (1,500 ms a call)", () => setFaults({ latencyMs: 1_500 }));
      await at(0.73, "worker killed -9", async () => {
        await killWorker(0);
        await system.startWorker();
      });
      await at(0.76, "every worker killed at once, while an interrupted run runs again", async () => {
        const rerunning = await eventually(
          async () =>
            (await prisma.run.count({
              where: {
                workspaceId: workspace.id,
                status: "RUNNING",
                interruptions: { gte: 1 },
                leaseExpiresAt: { gt: new Date() },
              },
            })) > 0,
          { timeoutMs: 30_000, intervalMs: 50, what: "a run that had been interrupted to be running again" },
        ).catch(() => false);
        note(rerunning ? "an interrupted run is running again" : "no interrupted run was running (killing anyway)");
        const victims = liveWorkers();
        for (const worker of victims) worker.child.kill("SIGKILL");
        await Promise.all(victims.map((worker) => worker.exited));
        await Promise.all([system.startWorker(), system.startWorker()]);
        await system.clearXeroFaults();
      });
      await at(0.85, "web killed -9", async () => {
        system.web?.child.kill("SIGKILL");
        await system.restartWeb();
      });
    })();

    const [deliveries] = await Promise.all([sending, faults]);
    note("all orders delivered");

    // Every order was accepted in the end (a 2xx; some only after retries).
    expect(
      deliveries.filter((delivery) => delivery.status < 200 || delivery.status >= 300),
      log.join("\n"),
    ).toEqual([]);

    // Every run finishes: nothing stays QUEUED or RUNNING.
    const unfinished = () =>
      prisma.run.count({
        where: { workspaceId: workspace.id, flowId: flow.id, status: { in: ["QUEUED", "RUNNING"] } },
      });
    await eventually(async () => (await unfinished()) === 0, {
      timeoutMs: 6 * 60_000,
      intervalMs: 1_000,
      what: `every run to finish\n${log.join("\n")}`,
    }).catch(async (error) => {
      for (const worker of system.workers) await stopApp(worker, 0);
      throw error;
    });

    const runs = await prisma.run.findMany({
      where: { workspaceId: workspace.id, flowId: flow.id },
      select: { id: true, status: true, trigger: true, error: true },
    });
    const executed = runs.filter((run) => run.status !== "DUPLICATE");
    expect(
      executed.filter((run) => run.status !== "SUCCEEDED"),
      log.join("\n"),
    ).toEqual([]);
    const orderOf = (run: (typeof runs)[number]) => (run.trigger as { body?: { orderId?: string } })?.body?.orderId;
    const executedOrders = executed.map(orderOf);
    // One executed run per order: the sender's retries after a lost answer were recorded as duplicates.
    expect(new Set(executedOrders).size).toBe(ORDERS);
    expect(executedOrders).toHaveLength(ORDERS);

    // Xero: one invoice per order, PAID by exactly one payment; one contact per customer.
    const where = (clause: string) => encodeURIComponent(clause);
    const { Invoices } = await xeroGet<{ Invoices: XeroInvoice[] }>(
      system,
      connection.externalId,
      `/Invoices?where=${where(`Reference.StartsWith("Order ${batch}-")`)}&page=1&pageSize=1000`,
    );
    const invoicesByOrder = new Map<string, XeroInvoice[]>();
    for (const invoice of Invoices) {
      const order = invoice.Reference?.replace(/^Order /, "") ?? "";
      invoicesByOrder.set(order, [...(invoicesByOrder.get(order) ?? []), invoice]);
    }
    expect(invoicesByOrder.size).toBe(ORDERS);
    expect([...invoicesByOrder].filter(([, invoices]) => invoices.length !== 1)).toEqual([]);
    expect(Invoices.filter((invoice) => invoice.Status !== "PAID")).toEqual([]);

    const { Payments } = await xeroGet<{ Payments: { Invoice: { InvoiceID: string }; Status: string }[] }>(
      system,
      connection.externalId,
      "/Payments",
    );
    const paymentsPerInvoice = new Map<string, number>();
    for (const payment of Payments) {
      paymentsPerInvoice.set(payment.Invoice.InvoiceID, (paymentsPerInvoice.get(payment.Invoice.InvoiceID) ?? 0) + 1);
    }
    expect(Invoices.filter((invoice) => paymentsPerInvoice.get(invoice.InvoiceID) !== 1)).toEqual([]);

    const { Contacts } = await xeroGet<{ Contacts: { Name: string }[] }>(
      system,
      connection.externalId,
      `/Contacts?where=${where(`Name.StartsWith("Customer ${batch}-")`)}`,
    );
    expect(Contacts).toHaveLength(ORDERS);
    console.log(`fault schedule:\n${log.join("\n")}`);
  },
  20 * 60_000,
);
