import { createHmac, randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import type { FlowDefinition } from "@ledgerflow/engine";
import { disableFlow } from "@ledgerflow/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, stopApp } from "./testing/app-processes";
import { seedConnection, seedEnabledFlow, seedWorkspace } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { xeroGet } from "./testing/xero-reads";

// Xero's instant triggers end to end: the sandbox sends its signed webhooks to the built web app,
// which stores them; the worker fans each event out to the flows it starts, loading the record
// from the sandbox with the connection's token. No part is stubbed.
const KEY = "system-test-xero-trigger-key";
let system: System;
let tenantId: string;
let otherTenantId: string;
let seed: { userId: string; workspaceId: string; connectionId: string };

beforeAll(async () => {
  system = await startSystem({
    web: true,
    workers: 1,
    sandbox: {
      webhook: { batchDelayMs: 200 },
      rateLimits: { concurrentPerTenant: null, perMinutePerTenant: null, perDayPerTenant: null, appPerMinute: null },
    },
    env: {
      XERO_WEBHOOK_KEY: KEY,
      XERO_LIMIT_CONCURRENT: "0",
      XERO_LIMIT_PER_MINUTE: "0",
      XERO_LIMIT_PER_DAY: "0",
      XERO_LIMIT_APP_PER_MINUTE: "0",
    },
  });
  const subscribed = await fetch(`${system.sandboxUrl}/sandbox/admin/webhooks`, {
    method: "PUT",
    headers: {
      "x-sandbox-admin-secret": system.env.XERO_SANDBOX_ADMIN_SECRET ?? "",
      "content-type": "application/json",
    },
    body: JSON.stringify({ url: `${system.webUrl}/api/xero/webhooks`, key: KEY }),
  });
  expect(subscribed.status).toBe(200);
  const [organisation, other] = system.sandbox.ledger.organisations();
  if (!organisation || !other) throw new Error("The sandbox needs two organisations");
  tenantId = organisation.tenantId;
  otherTenantId = other.tenantId;
  const { user, workspace } = await seedWorkspace();
  const connection = await seedConnection(system, { workspaceId: workspace.id, userId: user.id });
  seed = { userId: user.id, workspaceId: workspace.id, connectionId: connection.id };
}, 180_000);
afterAll(() => system?.stop());

/** A flow started by one of the Xero connector's triggers, with one read that maps the record's contact. */
function triggeredFlow(connectionId: string, event: string): FlowDefinition {
  const contactName = event.startsWith("xero.contact.") ? "{{trigger.record.Name}}" : "{{trigger.record.Contact.Name}}";
  return {
    schemaVersion: 2,
    trigger: { type: "event", config: { event, connectionId, input: {} } },
    steps: [
      {
        key: "contact",
        action: "xero.findContact",
        connectionId,
        input: { matchBy: "Name", Name: contactName, ifNotFound: "continue" },
      },
    ],
  } as FlowDefinition;
}

async function flowOn(event: string, { workspaceId = seed.workspaceId, connectionId = seed.connectionId } = {}) {
  return seedEnabledFlow({ workspaceId, userId: seed.userId, definition: triggeredFlow(connectionId, event) });
}

async function xeroWrite<T>(path: string, body: unknown, tenant = tenantId): Promise<T> {
  const { access_token } = await system.admin<{ access_token: string }>("/sandbox/admin/tokens", {
    tenantIds: [tenant],
  });
  const response = await fetch(`${system.sandboxUrl}/api.xro/2.0${path}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${access_token}`, "xero-tenant-id": tenant, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const runsOf = (flowId: string) => prisma.run.findMany({ where: { flowId }, orderBy: { createdAt: "asc" } });

async function settledRuns(flowId: string, count: number) {
  return eventually(
    async () => {
      const runs = await runsOf(flowId);
      return runs.length >= count && runs.every((run) => run.finishedAt !== null) && runs;
    },
    { timeoutMs: 60_000, what: `${count} finished runs of flow ${flowId}` },
  );
}

/** Every stored event has been fanned out: nothing more can start. */
const allFannedOut = () =>
  eventually(async () => (await prisma.connectorEvent.count({ where: { fannedOutAt: null } })) === 0, {
    what: "every stored event to be fanned out",
  });

describe("an invoice created and then paid in Xero", () => {
  it("starts one run of 'Invoice paid' and one of 'New sales invoice', each with the full record", async () => {
    const paid = await flowOn("xero.invoice.paid");
    const created = await flowOn("xero.invoice.created");
    const approved = await flowOn("xero.invoice.approved");

    const { Invoices } = await xeroWrite<{ Invoices: { InvoiceID: string; Total: number }[] }>("/Invoices", {
      Invoices: [
        {
          Type: "ACCREC",
          Contact: { Name: "Trigger Test Customer" },
          Status: "AUTHORISED",
          DueDate: "2026-12-31",
          LineAmountTypes: "NoTax",
          LineItems: [{ Description: "Consulting", Quantity: 2, UnitAmount: 150, AccountCode: "200" }],
        },
      ],
    });
    const invoice = Invoices[0];
    if (!invoice) throw new Error("No invoice created");
    // The creation reaches the app before the payment: the payment is then a status change.
    await settledRuns(created.id, 1);
    await xeroWrite("/Payments", {
      Payments: [
        { Invoice: { InvoiceID: invoice.InvoiceID }, Account: { Code: "090" }, Amount: 300, Date: "2026-12-02" },
      ],
    });

    const [paidRun] = await settledRuns(paid.id, 1);
    await allFannedOut();
    expect(await runsOf(paid.id)).toHaveLength(1);
    expect(await runsOf(created.id)).toHaveLength(1);
    expect(await runsOf(approved.id)).toHaveLength(1);

    expect(paidRun).toMatchObject({ status: "SUCCEEDED", source: "EVENT" });
    const trigger = paidRun?.trigger as { record: Record<string, unknown>; previous: Record<string, unknown> };
    expect(trigger).toMatchObject({
      type: "event",
      trigger: "xero.invoice.paid",
      event: { eventCategory: "INVOICE", eventType: "UPDATE", resourceId: invoice.InvoiceID, tenantId },
      record: { InvoiceID: invoice.InvoiceID, Status: "PAID", Total: 300, AmountDue: 0 },
      previous: { Status: "AUTHORISED" },
    });
    // The record is what Xero returns for the invoice, lines and contact included, and steps map it.
    const fromXero = await xeroGet<{ Invoices: { LineItems: unknown[] }[] }>(
      system,
      tenantId,
      `/Invoices/${invoice.InvoiceID}`,
    );
    expect((trigger.record.LineItems as unknown[]).length).toBe(fromXero.Invoices[0]?.LineItems.length);
    const [step] = await prisma.stepRun.findMany({ where: { runId: paidRun?.id } });
    expect(step).toMatchObject({ status: "SUCCEEDED", input: { Name: "Trigger Test Customer" } });

    const [createdRun] = await runsOf(created.id);
    expect(createdRun?.trigger).toMatchObject({
      event: { eventType: "CREATE", resourceId: invoice.InvoiceID },
      record: { InvoiceID: invoice.InvoiceID, Type: "ACCREC" },
    });
  });

  it("starts nothing new when Xero delivers the same events again", async () => {
    const paid = await flowOn("xero.invoice.paid");
    const before = await prisma.run.count();
    const stored = await prisma.connectorEvent.findMany({ where: { provider: "xero" } });
    expect(stored.length).toBeGreaterThan(0);
    // Xero's retry: a new body (new sequence, entropy) carrying events the app has seen.
    const body = JSON.stringify({
      events: stored.map((row) => row.payload),
      firstEventSequence: 900,
      lastEventSequence: 900 + stored.length - 1,
      entropy: randomUUID(),
    });
    const signature = createHmac("sha256", KEY).update(body, "utf8").digest("base64");
    const response = await fetch(`${system.webUrl}/api/xero/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-xero-signature": signature },
      body,
    });
    expect(response.status).toBe(200);
    await allFannedOut();
    // Give a wrongly scheduled fan-out time to show itself.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await prisma.run.count()).toBe(before);
    expect(await runsOf(paid.id)).toHaveLength(0);
  });
});

describe("a batch of 50 contacts created at once", () => {
  it("starts 50 runs of 'New contact', records SKIPPED runs for a switched-off flow, and reaches no other workspace", async () => {
    const newContact = await flowOn("xero.contact.created");
    const switchedOff = await flowOn("xero.contact.created");
    await disableFlow({ workspaceId: seed.workspaceId, flowId: switchedOff.id });
    // Another workspace, connected to another organisation, listening to the same trigger.
    const elsewhere = await seedWorkspace();
    const otherConnection = await seedConnection(system, {
      workspaceId: elsewhere.workspace.id,
      userId: elsewhere.user.id,
      tenantIndex: 1,
    });
    const otherFlow = await seedEnabledFlow({
      workspaceId: elsewhere.workspace.id,
      userId: elsewhere.user.id,
      definition: triggeredFlow(otherConnection.id, "xero.contact.created"),
    });
    expect(otherConnection.externalId).toBe(otherTenantId);

    const batch = randomUUID().slice(0, 8);
    const names = Array.from({ length: 50 }, (_, i) => `Batch ${batch} contact ${i}`);
    await xeroWrite("/Contacts", { Contacts: names.map((Name) => ({ Name, AccountNumber: batch })) });

    const runs = await settledRuns(newContact.id, 50);
    await allFannedOut();
    expect(runs).toHaveLength(50);
    expect(runs.filter((run) => run.status !== "SUCCEEDED")).toEqual([]);
    const recordNames = runs.map((run) => (run.trigger as { record: { Name: string } }).record.Name).sort();
    expect(recordNames).toEqual([...names].sort());

    const skipped = await runsOf(switchedOff.id);
    expect(skipped).toHaveLength(50);
    expect(skipped.every((run) => run.status === "SKIPPED")).toBe(true);
    expect(await runsOf(otherFlow.id)).toHaveLength(0);
  });
});

describe("Xero's redeliveries", () => {
  interface Delivery {
    status: number | null;
    attempts: { status: number | null }[];
  }
  const newContact = async (name: string) => {
    const { Contacts } = await xeroWrite<{ Contacts: { ContactID: string }[] }>("/Contacts", {
      Contacts: [{ Name: name }],
    });
    return Contacts[0]?.ContactID;
  };
  /** The sandbox's latest `count` deliveries, once everything queued has been delivered or given up. */
  const latestDeliveries = async (count: number) => {
    await system.admin("/sandbox/admin/webhooks/flush", {});
    const { deliveries } = await system.admin<{ deliveries: Delivery[] }>("/sandbox/admin/webhooks");
    return deliveries.slice(-count);
  };

  it("a batch delivered twice starts one run", async () => {
    const flow = await flowOn("xero.contact.created");
    await system.admin("/sandbox/admin/webhooks/faults", { duplicateNext: 1 });
    const contactId = await newContact(`Twice ${randomUUID().slice(0, 8)}`);
    const deliveries = await latestDeliveries(2);
    expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
    await allFannedOut();
    const runs = await settledRuns(flow.id, 1);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.trigger).toMatchObject({ record: { ContactID: contactId } });
  });

  it("with the web app down, Xero's retry after it is back is processed once", async () => {
    const flow = await flowOn("xero.contact.created");
    const web = system.web;
    if (!web) throw new Error("No web app");
    await stopApp(web, 0);
    const contactId = await newContact(`While down ${randomUUID().slice(0, 8)}`);
    // The batch goes out after 200 ms and its first attempt meets the dead port; the retries
    // (after 1 s, 2 s, 4 s…) reach the app once it is back.
    await new Promise((resolve) => setTimeout(resolve, 700));
    await system.restartWeb();
    const [delivery] = await latestDeliveries(1);
    expect(delivery?.status).toBe(200);
    expect(delivery?.attempts[0]?.status).toBeNull();
    await allFannedOut();
    const runs = await settledRuns(flow.id, 1);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.trigger).toMatchObject({ record: { ContactID: contactId } });
  });
});
