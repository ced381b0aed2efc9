import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import type { FlowDefinition, FlowStep } from "@ledgerflow/engine";
import { disableFlow, runFlowNow } from "@ledgerflow/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "./testing/app-processes";
import { finishedRun } from "./testing/finished-run";
import { invoicePaymentFlow } from "./testing/flows";
import { seedConnectedFlow } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { contactsNamed, invoicesWithReference, xeroGet } from "./testing/xero-reads";

// Filter, Paths and Delay through the real worker, the sandbox's Xero and PostgreSQL: a filter that stops a
// run calls Xero for nothing after it, and a run waiting for a delay outlives the worker it started on.

let system: System;
beforeAll(async () => {
  system = await startSystem({ workers: 1 });
}, 60_000);
afterAll(() => system?.stop());

/** `first` (a built-in step), then a contact created in Xero from the order's customer. */
function thenCreateContact(first: FlowDefinition["steps"][number]) {
  return (connectionId: string): FlowDefinition => ({
    schemaVersion: 2,
    trigger: { type: "webhook", config: {} },
    steps: [
      first,
      {
        key: "customer",
        action: "xero.findOrCreateContact",
        connectionId,
        input: { matchBy: "Name", Name: "{{trigger.body.customer}}" },
      },
    ],
  });
}

describe("Filter", () => {
  it("stops small orders — FILTERED with what was compared, and no Xero call — and lets big ones through", async () => {
    const { workspace, connection, flow } = await seedConnectedFlow(
      system,
      thenCreateContact({
        key: "big_orders",
        action: "filter.onlyContinueIf",
        input: {
          conditions: [
            {
              conditions: [
                { left: { label: "total", value: "{{trigger.body.total}}" }, operator: "number.gt", right: 1000 },
              ],
            },
          ],
        },
      }),
    );
    const tag = randomUUID().slice(0, 6);
    const small = await runFlowNow({
      workspaceId: workspace.id,
      flowId: flow.id,
      body: { customer: `Small Order ${tag}`, total: "250.00" },
    });
    const big = await runFlowNow({
      workspaceId: workspace.id,
      flowId: flow.id,
      body: { customer: `Big Order ${tag}`, total: "1,200.50" },
    });

    const stopped = await eventually(
      async () => {
        const run = await prisma.run.findFirst({
          where: { id: small.runId, workspaceId: workspace.id },
          include: { steps: true },
        });
        return run?.status === "FILTERED" ? run : undefined;
      },
      { what: "the small order's run to be stopped by the filter" },
    );
    expect(stopped.stopReason).toBe('Stopped by filter: total ("250.00" read as 250) ≤ 1000');
    expect(stopped.error).toBeNull();
    expect(stopped.steps.map((step) => [step.stepKey, step.status])).toEqual([["big_orders", "SUCCEEDED"]]);
    expect(await contactsNamed(system, connection.externalId, `Small Order ${tag}`)).toHaveLength(0);

    const passed = await finishedRun(big.runId, workspace.id);
    expect(passed.status).toBe("SUCCEEDED");
    expect(passed.steps[0]?.output).toMatchObject({ passed: true });
    expect(await contactsNamed(system, connection.externalId, `Big Order ${tag}`)).toHaveLength(1);
  }, 60_000);
});

describe("Delay", () => {
  it("a run waiting 2 s for a delay survives its flow switched off and its worker's kill -9, and goes on once, after the moment", async () => {
    const { workspace, connection, flow } = await seedConnectedFlow(
      system,
      thenCreateContact({ key: "wait", action: "delay.delayUntil", input: { until: "{{trigger.body.resumeAt}}" } }),
    );
    const customer = `Delayed ${randomUUID().slice(0, 6)}`;
    const resumeAt = new Date(Date.now() + 2_000);
    const { runId } = await runFlowNow({
      workspaceId: workspace.id,
      flowId: flow.id,
      body: { customer, resumeAt: resumeAt.toISOString() },
    });
    await eventually(
      async () =>
        (await prisma.run.findFirst({ where: { id: runId, workspaceId: workspace.id } }))?.status === "WAITING",
      { intervalMs: 20, what: "the run to wait for its delay" },
    );
    // Nothing after the delay ran, and no worker holds the run while it waits.
    const waiting = await prisma.run.findFirstOrThrow({ where: { id: runId }, include: { steps: true } });
    expect(waiting).toMatchObject({ leaseExpiresAt: null, nextAttemptAt: resumeAt });
    expect(waiting.steps.map((step) => step.stepKey)).toEqual(["wait"]);

    // Switched off while it waits: a waiting run still finishes on the version it started on.
    await disableFlow({ workspaceId: workspace.id, flowId: flow.id });
    system.workers[0]?.child.kill("SIGKILL");
    await system.workers[0]?.exited;
    await system.startWorker();

    const run = await finishedRun(runId, workspace.id);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.attempts).toBe(1);
    const contactStep = run.steps.find((step) => step.stepKey === "customer");
    expect(contactStep?.startedAt.getTime()).toBeGreaterThanOrEqual(resumeAt.getTime());
    expect(run.steps.find((step) => step.stepKey === "wait")).toMatchObject({ attempts: 1, status: "SUCCEEDED" });
    expect(await contactsNamed(system, connection.externalId, customer)).toHaveLength(1);
  }, 60_000);
});

/** An invoice for the order, then paid into the account its payment method calls for. */
function paymentByMethodFlow(connectionId: string): FlowDefinition {
  // The invoice and payment steps of the crash tests' flow, the payment once per path.
  const [invoice, payment] = invoicePaymentFlow(connectionId).steps as FlowStep[];
  if (!invoice || !payment) throw new Error("invoicePaymentFlow has an invoice and a payment step");
  const payInto = (key: string, accountCode: string) => ({
    ...payment,
    key,
    input: { ...payment.input, AccountCode: accountCode },
  });
  const methodIs = (method: string) => [
    {
      conditions: [{ left: { label: "method", value: "{{trigger.body.method}}" }, operator: "text.is", right: method }],
    },
  ];
  return {
    schemaVersion: 2,
    trigger: { type: "webhook", config: {} },
    steps: [
      { ...invoice, input: { ...invoice.input, Status: "AUTHORISED" } },
      {
        key: "by_method",
        type: "paths",
        runs: "all",
        paths: [
          { key: "card", name: "Card payments", conditions: methodIs("card"), steps: [payInto("card_payment", "090")] },
          {
            key: "transfer",
            name: "Bank transfers",
            conditions: methodIs("transfer"),
            steps: [payInto("transfer_payment", "091")],
          },
        ],
      },
    ],
  };
}

describe("Paths", () => {
  it("card payments go to one bank account, transfers to the other; each run records the path it took and why", async () => {
    const { workspace, connection, flow } = await seedConnectedFlow(system, paymentByMethodFlow);
    const tag = randomUUID().slice(0, 6);
    const order = (method: string) => ({
      customer: `Paths ${method} ${tag}`,
      reference: `PATH-${method}-${tag}`,
      amount: 120,
      method,
    });
    const card = await runFlowNow({ workspaceId: workspace.id, flowId: flow.id, body: order("card") });
    const transfer = await runFlowNow({ workspaceId: workspace.id, flowId: flow.id, body: order("transfer") });

    const cardRun = await finishedRun(card.runId, workspace.id);
    expect(cardRun.status).toBe("SUCCEEDED");
    expect(cardRun.steps.map((step) => [step.index, step.stepKey, step.action])).toEqual([
      [0, "invoice", "xero.createInvoice"],
      [1, "by_method", "paths"],
      [2, "card_payment", "xero.createPayment"],
    ]);
    expect(cardRun.steps[1]?.output).toEqual({
      taken: ["card"],
      paths: [
        { key: "card", name: "Card payments", passed: true, explanation: 'method ("card") is "card"' },
        { key: "transfer", name: "Bank transfers", passed: false, explanation: 'method ("card") is not "transfer"' },
      ],
    });
    const transferRun = await finishedRun(transfer.runId, workspace.id);
    expect(transferRun.steps.map((step) => [step.index, step.stepKey])).toEqual([
      [0, "invoice"],
      [1, "by_method"],
      [3, "transfer_payment"],
    ]);

    const { Payments } = await xeroGet<{ Payments: { Reference: string; Account: { Code: string } }[] }>(
      system,
      connection.externalId,
      "/Payments",
    );
    const accountOf = (reference: string) =>
      Payments.filter((payment) => payment.Reference === reference).map((payment) => payment.Account.Code);
    expect(accountOf(`PATH-card-${tag}`)).toEqual(["090"]);
    expect(accountOf(`PATH-transfer-${tag}`)).toEqual(["091"]);
    for (const method of ["card", "transfer"]) {
      expect(await invoicesWithReference(system, connection.externalId, `PATH-${method}-${tag}`)).toMatchObject([
        { Status: "PAID" },
      ]);
    }
  }, 60_000);
});
