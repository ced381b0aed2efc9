import { randomUUID } from "node:crypto";
import { replayRun, runFlowNow } from "@ledgerflow/runtime";
import { afterAll, beforeAll, expect, it } from "vitest";
import { finishedRun } from "./testing/finished-run";
import { invoicePaymentFlow } from "./testing/flows";
import { seedConnectedFlow } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { invoicesWithReference, xeroGet } from "./testing/xero-reads";

let system: System;
beforeAll(async () => {
  system = await startSystem({ workers: 1 });
}, 60_000);
afterAll(() => system?.stop());

it("a run failed at step 2 of 3 by a Xero validation error, resumed after the data is fixed, writes step 1's object once", async () => {
  const { user, workspace, connection, flow } = await seedConnectedFlow(system, invoicePaymentFlow);
  const reference = `RESUME-${randomUUID().slice(0, 6)}`;

  // A DRAFT invoice cannot take a payment: step 2 fails with Xero's own message, permanently.
  const { runId } = await runFlowNow({
    workspaceId: workspace.id,
    flowId: flow.id,
    body: { customer: `Resume Customer ${reference}`, reference, status: "DRAFT", amount: 40 },
  });
  const failed = await finishedRun(runId, workspace.id);
  expect(failed.status).toBe("FAILED");
  expect(failed.attempts).toBe(1);
  expect(failed.steps.map((step) => [step.stepKey, step.status])).toEqual([
    ["invoice", "SUCCEEDED"],
    ["payment", "FAILED"],
  ]);
  expect((failed.steps[1]?.error as { message?: string } | undefined)?.message).toMatch(
    /Invoice not of valid status for creation of a payment/,
  );

  // The bookkeeper approves the invoice in Xero…
  const [invoice] = await invoicesWithReference(system, connection.externalId, reference);
  const { access_token } = await system.admin<{ access_token: string }>("/sandbox/admin/tokens", {
    tenantIds: [connection.externalId],
  });
  const approve = await fetch(`${system.sandboxUrl}/api.xro/2.0/Invoices/${invoice?.InvoiceID}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${access_token}`,
      "xero-tenant-id": connection.externalId,
      "content-type": "application/json",
    },
    body: JSON.stringify({ Invoices: [{ InvoiceID: invoice?.InvoiceID, Status: "AUTHORISED" }] }),
  });
  expect(approve.status).toBe(200);

  // …and resumes the run from its failed step.
  const replay = await replayRun({ workspaceId: workspace.id, userId: user.id, runId, mode: "resume" });
  const resumed = await finishedRun(replay.runId, workspace.id);
  expect(resumed).toMatchObject({
    status: "SUCCEEDED",
    source: "REPLAY",
    replayOfId: runId,
    resumeFromStepKey: "payment",
  });
  const carried = resumed.steps.find((step) => step.stepKey === "invoice");
  expect(carried).toMatchObject({ status: "SUCCEEDED", attempts: 0, idempotencyKey: `${runId}:invoice` });

  const invoices = await invoicesWithReference(system, connection.externalId, reference);
  expect(invoices).toHaveLength(1);
  expect(invoices[0]).toMatchObject({ Status: "PAID", AmountDue: 0 });
  const { Payments } = await xeroGet<{ Payments: { Invoice: { InvoiceID: string } }[] }>(
    system,
    connection.externalId,
    "/Payments",
  );
  expect(Payments.filter((payment) => payment.Invoice.InvoiceID === invoice?.InvoiceID)).toHaveLength(1);
}, 120_000);
