import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { runFlowNow } from "@ledgerflow/runtime";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "./testing/app-processes";
import { finishedRun } from "./testing/finished-run";
import { invoicePaymentFlow } from "./testing/flows";
import { seedConnectedFlow } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { contactsNamed, invoicesWithReference, type XeroInvoice, xeroGet } from "./testing/xero-reads";

let system: System;
beforeAll(async () => {
  // A short lock so the dead worker's job is taken over within seconds.
  system = await startSystem({ workers: 1, env: { WORKER_LOCK_MS: "4000" } });
}, 60_000);
afterAll(() => system?.stop());

it("a worker killed with SIGKILL after step 1 of 3: a new worker finishes the run and Xero holds one of each object", async () => {
  const { workspace, connection, flow } = await seedConnectedFlow(system, invoicePaymentFlow);
  const reference = `CRASH-${randomUUID().slice(0, 6)}`;
  const customer = `Crash Customer ${reference}`;

  // Slow Xero down so that the worker can be caught inside step 2 (the payment).
  await system.admin("/sandbox/admin/accounting/faults", { tenantId: connection.externalId, latencyMs: 800 });
  const { runId } = await runFlowNow({
    workspaceId: workspace.id,
    flowId: flow.id,
    body: { customer, reference, status: "AUTHORISED", amount: 150 },
  });
  await eventually(
    async () => {
      const steps = await prisma.stepRun.findMany({ where: { runId, workspaceId: workspace.id } });
      const invoice = steps.find((step) => step.stepKey === "invoice");
      const payment = steps.find((step) => step.stepKey === "payment");
      return invoice?.status === "SUCCEEDED" && payment?.status === "RUNNING";
    },
    { intervalMs: 20, what: "step 2 to start" },
  );
  system.workers[0]?.child.kill("SIGKILL");
  await system.workers[0]?.exited;
  await system.clearXeroFaults();

  await system.startWorker();
  const run = await finishedRun(runId, workspace.id);
  expect(run.status).toBe("SUCCEEDED");
  expect(Object.fromEntries(run.steps.map((step) => [step.stepKey, step.status]))).toEqual({
    invoice: "SUCCEEDED",
    payment: "SUCCEEDED",
    contact: "SUCCEEDED",
  });
  // Step 1 was not called again; step 2 was attempted twice with the same idempotency key.
  expect(run.steps.find((step) => step.stepKey === "invoice")?.attempts).toBe(1);

  const invoices = await invoicesWithReference(system, connection.externalId, reference);
  expect(invoices).toHaveLength(1);
  const invoice = invoices[0] as XeroInvoice;
  expect(invoice).toMatchObject({ Status: "PAID", AmountDue: 0 });
  const { Payments } = await xeroGet<{ Payments: { Invoice: { InvoiceID: string } }[] }>(
    system,
    connection.externalId,
    "/Payments",
  );
  expect(Payments.filter((payment) => payment.Invoice.InvoiceID === invoice.InvoiceID)).toHaveLength(1);
  expect(await contactsNamed(system, connection.externalId, customer)).toHaveLength(1);
}, 120_000);

it("a run whose worker is killed twice in a row (a whole deployment's kill -9) still finishes, writing once", async () => {
  const { workspace, connection, flow } = await seedConnectedFlow(system, invoicePaymentFlow);
  const reference = `CRASH2-${randomUUID().slice(0, 6)}`;
  const customer = `Twice Killed ${reference}`;
  const killCurrentWorker = async () => {
    const worker = system.workers.at(-1);
    worker?.child.kill("SIGKILL");
    await worker?.exited;
  };
  const readRun = () =>
    prisma.run.findFirst({ where: { id: runId, workspaceId: workspace.id }, include: { steps: true } });

  await system.admin("/sandbox/admin/accounting/faults", { tenantId: connection.externalId, latencyMs: 1_500 });
  const { runId } = await runFlowNow({
    workspaceId: workspace.id,
    flowId: flow.id,
    body: { customer, reference, status: "AUTHORISED", amount: 75 },
  });
  // Killed inside a step; the next worker takes the job over (it stalled once) and is killed inside
  // a step too — BullMQ's default would now fail the job for good ("stalled more than allowable limit").
  await eventually(async () => (await readRun())?.steps.some((step) => step.status === "RUNNING"), {
    intervalMs: 20,
    what: "a step to start",
  });
  await killCurrentWorker();
  await system.startWorker();
  await eventually(
    async () => {
      const run = await readRun();
      return run && run.interruptions >= 1 && run.leaseExpiresAt && run.steps.some((step) => step.status === "RUNNING");
    },
    { timeoutMs: 60_000, intervalMs: 20, what: "the second worker to be inside a step" },
  );
  await killCurrentWorker();
  await system.clearXeroFaults();
  await system.startWorker();

  const run = await finishedRun(runId, workspace.id, 90_000);
  expect(run.status).toBe("SUCCEEDED");
  expect(run.interruptions).toBe(2);
  expect(run.leaseExpiresAt).toBeNull();
  const invoices = await invoicesWithReference(system, connection.externalId, reference);
  expect(invoices).toHaveLength(1);
  const { Payments } = await xeroGet<{ Payments: { Invoice: { InvoiceID: string } }[] }>(
    system,
    connection.externalId,
    "/Payments",
  );
  expect(Payments.filter((payment) => payment.Invoice.InvoiceID === invoices[0]?.InvoiceID)).toHaveLength(1);
  expect(await contactsNamed(system, connection.externalId, customer)).toHaveLength(1);
}, 180_000);
