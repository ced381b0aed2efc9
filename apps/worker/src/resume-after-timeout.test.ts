import { randomUUID } from "node:crypto";
import { replayRun, runFlowNow } from "@ledgerflow/runtime";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "./testing/app-processes";
import { finishedRun } from "./testing/finished-run";
import { invoicePaymentFlow } from "./testing/flows";
import { seedConnectedFlow } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { invoicesWithReference } from "./testing/xero-reads";

// A call that times out may still have been carried out by Xero. A run that failed that way and is
// then re-run "from the steps that did not succeed" must repeat the timed-out call's
// Idempotency-Key, so that Xero answers with the invoice it made rather than making a second one.
let system: System;
beforeAll(async () => {
  system = await startSystem({ workers: 1, env: { RUN_MAX_ATTEMPTS: "1", XERO_TIMEOUT_MS: "1500" } });
}, 60_000);
afterAll(() => system?.stop());

it("an invoice Xero created after our call timed out is not created again by re-running the failed steps", async () => {
  const { user, workspace, connection, flow } = await seedConnectedFlow(system, invoicePaymentFlow);
  const reference = `TIMEOUT-${randomUUID().slice(0, 6)}`;
  const finished = (runId: string) => finishedRun(runId, workspace.id);

  // Xero answers after our 1.5 s timeout, but it does create the invoice.
  await system.admin("/sandbox/admin/accounting/faults", { tenantId: connection.externalId, latencyMs: 2_500 });
  const { runId } = await runFlowNow({
    workspaceId: workspace.id,
    flowId: flow.id,
    body: { customer: `Slow Customer ${reference}`, reference, status: "AUTHORISED", amount: 60 },
  });
  const failed = await finished(runId);
  expect(failed.status).toBe("FAILED");
  expect(failed.error).toMatchObject({ code: "xero_timeout", stepKey: "invoice" });
  await eventually(async () => (await invoicesWithReference(system, connection.externalId, reference)).length === 1, {
    what: "Xero to have created the invoice after all",
  });
  await system.clearXeroFaults();

  const { runId: resumedId } = await replayRun({ workspaceId: workspace.id, userId: user.id, runId, mode: "resume" });
  const resumed = await finished(resumedId);
  expect(resumed.status).toBe("SUCCEEDED");
  const invoiceStep = resumed.steps.find((step) => step.stepKey === "invoice");
  expect(invoiceStep?.idempotencyKey).toBe(`${runId}:invoice`);

  const invoices = await invoicesWithReference(system, connection.externalId, reference);
  expect(invoices).toHaveLength(1);
  expect(invoices[0]).toMatchObject({ Status: "PAID" });
}, 120_000);
