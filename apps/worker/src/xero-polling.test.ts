import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import type { FlowDefinition } from "@ledgerflow/engine";
import { createTriggerPollsQueue } from "@ledgerflow/queue";
import { disableFlow, requestPoll } from "@ledgerflow/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, stopApp } from "./testing/app-processes";
import { seedConnection, seedEnabledFlow, seedWorkspace } from "./testing/seed";
import { type System, startSystem } from "./testing/system";

// Xero's polling triggers end to end: the worker polls the sandbox's lists with the connection's
// token (If-Modified-Since, paged) and starts a run per new change. No XERO_WEBHOOK_KEY is set
// here, so the instant triggers poll too (their fallback). No part is stubbed.
let system: System;
let tenantId: string;
let seed: { userId: string; workspaceId: string; connectionId: string };

beforeAll(async () => {
  system = await startSystem({
    workers: 1,
    sandbox: {
      rateLimits: { concurrentPerTenant: null, perMinutePerTenant: null, perDayPerTenant: null, appPerMinute: null },
    },
    env: {
      XERO_WEBHOOK_KEY: "",
      XERO_LIMIT_CONCURRENT: "0",
      XERO_LIMIT_PER_MINUTE: "0",
      XERO_LIMIT_PER_DAY: "0",
      XERO_LIMIT_APP_PER_MINUTE: "0",
    },
  });
  const [organisation] = system.sandbox.ledger.organisations();
  if (!organisation) throw new Error("The sandbox needs an organisation");
  tenantId = organisation.tenantId;
  const { user, workspace } = await seedWorkspace();
  const connection = await seedConnection(system, { workspaceId: workspace.id, userId: user.id });
  seed = { userId: user.id, workspaceId: workspace.id, connectionId: connection.id };
}, 180_000);
afterAll(() => system?.stop());

type EventConfig = { pollEverySeconds?: number; includeRecentDays?: number };

async function flowOn(event: string, config: EventConfig = {}) {
  const definition = {
    schemaVersion: 2,
    trigger: { type: "event", config: { event, connectionId: seed.connectionId, input: {}, ...config } },
    // One read, so the flow can be switched on; what is asserted is what started it.
    steps: [
      {
        key: "contact",
        action: "xero.findContact",
        connectionId: seed.connectionId,
        input: { matchBy: "Name", Name: "Nobody in particular", ifNotFound: "continue" },
      },
    ],
  } as unknown as FlowDefinition;
  return seedEnabledFlow({ workspaceId: seed.workspaceId, userId: seed.userId, definition });
}

async function xeroWrite<T>(path: string, body: unknown): Promise<T> {
  const { access_token } = await system.admin<{ access_token: string }>("/sandbox/admin/tokens", {
    tenantIds: [tenantId],
  });
  const response = await fetch(`${system.sandboxUrl}/api.xro/2.0${path}`, {
    method: "PUT",
    headers: {
      authorization: `Bearer ${access_token}`,
      "xero-tenant-id": tenantId,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function approvedInvoice(total = 300): Promise<string> {
  const { Invoices } = await xeroWrite<{ Invoices: { InvoiceID: string }[] }>("/Invoices", {
    Invoices: [
      {
        Type: "ACCREC",
        Contact: { Name: `Polling customer ${randomUUID().slice(0, 6)}` },
        Status: "AUTHORISED",
        DueDate: "2026-12-31",
        LineAmountTypes: "NoTax",
        LineItems: [{ Description: "Consulting", Quantity: 1, UnitAmount: total, AccountCode: "200" }],
      },
    ],
  });
  const id = Invoices[0]?.InvoiceID;
  if (!id) throw new Error("No invoice created");
  return id;
}

async function pay(invoiceId: string, amount: number): Promise<string> {
  const { Payments } = await xeroWrite<{ Payments: { PaymentID: string }[] }>("/Payments", {
    Payments: [{ Invoice: { InvoiceID: invoiceId }, Account: { Code: "090" }, Amount: amount, Date: "2026-12-02" }],
  });
  const id = Payments[0]?.PaymentID;
  if (!id) throw new Error("No payment created");
  return id;
}

const runsOf = (flowId: string) => prisma.run.findMany({ where: { flowId }, orderBy: { createdAt: "asc" } });

/** Asks the worker for one poll of the flow now and waits until a poll after this moment has finished. */
async function pollNow(flowId: string) {
  const asked = new Date();
  await requestPoll({ id: flowId, workspaceId: seed.workspaceId });
  await eventually(
    async () => {
      const cursor = await prisma.triggerCursor.findUnique({ where: { flowId } });
      const polled = cursor?.lastPolledAt && cursor.lastPolledAt >= asked && cursor.leaseUntil === null;
      return polled ? cursor : false;
    },
    { timeoutMs: 30_000, what: `a poll of flow ${flowId}` },
  );
}

const recordOf = (run: { trigger: unknown }) => (run.trigger as { record: Record<string, unknown> }).record;

describe("New payment (a polling trigger)", () => {
  it("polls on the flow's interval, and stops at switch-off", async () => {
    const flow = await flowOn("xero.payment.created", { pollEverySeconds: 120 });
    const queue = createTriggerPollsQueue();
    try {
      expect(await queue.getJobScheduler(`poll.${flow.id}`)).toMatchObject({ every: 120_000 });
      await disableFlow({ workspaceId: seed.workspaceId, flowId: flow.id });
      expect(await queue.getJobScheduler(`poll.${flow.id}`)).toBeUndefined();
      expect(await prisma.triggerCursor.findUnique({ where: { flowId: flow.id } })).toBeNull();
    } finally {
      await queue.close();
    }
  });

  it("starts from now at switch-on (no history), unless asked to include recent days", async () => {
    const before = await pay(await approvedInvoice(), 300);
    const fromNow = await flowOn("xero.payment.created");
    const withHistory = await flowOn("xero.payment.created", { includeRecentDays: 1 });
    await pollNow(fromNow.id);
    await pollNow(withHistory.id);
    expect(await runsOf(fromNow.id)).toHaveLength(0);
    const history = await runsOf(withHistory.id);
    expect(history.map(recordOf).map((record) => record.PaymentID)).toContain(before);
  });

  it("picks a new payment up once, with the full record, across a worker restart", async () => {
    const flow = await flowOn("xero.payment.created");
    await pollNow(flow.id);
    const invoiceId = await approvedInvoice(500);
    const first = await pay(invoiceId, 200);
    await pollNow(flow.id);
    const [run] = await runsOf(flow.id);
    expect(await runsOf(flow.id)).toHaveLength(1);
    expect(run).toMatchObject({ source: "EVENT" });
    expect(run?.trigger).toMatchObject({
      type: "event",
      trigger: "xero.payment.created",
      connectionId: seed.connectionId,
      event: { eventCategory: "PAYMENT", eventType: "CREATE", resourceId: first, tenantId },
      record: { PaymentID: first, Amount: 200, Invoice: { InvoiceID: invoiceId } },
    });
    // Polled again (its cursor is the payment's own change time, asked again): nothing new.
    await pollNow(flow.id);
    expect(await runsOf(flow.id)).toHaveLength(1);

    const [worker] = system.workers;
    if (worker) await stopApp(worker);
    const second = await pay(invoiceId, 300);
    await system.startWorker();
    await pollNow(flow.id);
    await pollNow(flow.id);
    const runs = await runsOf(flow.id);
    expect(runs.map(recordOf).map((record) => record.PaymentID)).toEqual([first, second]);
  });

  it("waits out a 429 from Xero without moving its cursor, then finds the payment", async () => {
    const flow = await flowOn("xero.payment.created");
    await pollNow(flow.id);
    const { since } = await prisma.triggerCursor.findUniqueOrThrow({ where: { flowId: flow.id } });
    const payment = await pay(await approvedInvoice(), 120);
    await system.admin("/sandbox/admin/accounting/faults", { tenantId, failNext: 1, failStatus: 429 });
    await pollNow(flow.id);
    const deferred = await prisma.triggerCursor.findUniqueOrThrow({ where: { flowId: flow.id } });
    expect(deferred.since).toEqual(since);
    expect(deferred.lastFailure).toMatch(/rate limit|429|Waiting/i);
    expect(await runsOf(flow.id)).toHaveLength(0);
    // The worker polls again once Xero's Retry-After has passed.
    const runs = await eventually(async () => ((await runsOf(flow.id)).length > 0 ? runsOf(flow.id) : false), {
      timeoutMs: 30_000,
      what: "the deferred poll to find the payment",
    });
    expect(runs.map(recordOf).map((record) => record.PaymentID)).toEqual([payment]);
  });
});

describe("instant triggers without XERO_WEBHOOK_KEY", () => {
  it("poll instead: 'Invoice paid' runs once when a polled invoice became PAID, 'New sales invoice' once", async () => {
    const paid = await flowOn("xero.invoice.paid");
    const created = await flowOn("xero.invoice.created");
    await Promise.all([pollNow(paid.id), pollNow(created.id)]);
    const invoiceId = await approvedInvoice(250);
    await Promise.all([pollNow(paid.id), pollNow(created.id)]);
    expect(await runsOf(paid.id)).toHaveLength(0);
    await pay(invoiceId, 250);
    await Promise.all([pollNow(paid.id), pollNow(created.id)]);

    const [paidRun] = await runsOf(paid.id);
    expect(await runsOf(paid.id)).toHaveLength(1);
    expect(paidRun?.trigger).toMatchObject({
      trigger: "xero.invoice.paid",
      event: { eventCategory: "INVOICE", eventType: "UPDATE", resourceId: invoiceId, tenantId },
      record: { InvoiceID: invoiceId, Status: "PAID", AmountDue: 0 },
      previous: { Status: "AUTHORISED" },
    });
    const createdRuns = await runsOf(created.id);
    expect(createdRuns.map(recordOf).map((record) => record.InvoiceID)).toEqual([invoiceId]);
    expect(createdRuns[0]?.trigger).toMatchObject({ event: { eventType: "CREATE" } });
  });
});
