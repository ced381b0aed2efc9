import { randomUUID } from "node:crypto";
import { runFlowNow } from "@ledgerflow/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedRun } from "./testing/finished-run";
import { invoicePaymentFlow } from "./testing/flows";
import { seedConnection, seedEnabledFlow, seedWorkspace } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { contactsNamed, invoicesWithReference } from "./testing/xero-reads";

let system: System;
beforeAll(async () => {
  system = await startSystem({ workers: 1 });
}, 60_000);
afterAll(() => system?.stop());

describe("retryable Xero failures", () => {
  for (const failStatus of [429, 503] as const) {
    it(`Xero answering ${failStatus} to the next three calls: the run still succeeds, with no duplicate`, async () => {
      const { user, workspace } = await seedWorkspace();
      const connection = await seedConnection(system, { workspaceId: workspace.id, userId: user.id });
      const flow = await seedEnabledFlow({
        workspaceId: workspace.id,
        userId: user.id,
        definition: invoicePaymentFlow(connection.id),
      });
      const reference = `R${failStatus}-${randomUUID().slice(0, 6)}`;
      const customer = `Retry Customer ${reference}`;

      await system.admin("/sandbox/admin/accounting/faults", {
        tenantId: connection.externalId,
        failNext: 3,
        failStatus,
      });
      const { runId } = await runFlowNow({
        workspaceId: workspace.id,
        flowId: flow.id,
        body: { customer, reference, status: "AUTHORISED", amount: 99 },
      });
      const run = await finishedRun(runId, workspace.id);
      expect(run.status).toBe("SUCCEEDED");
      // The three failures were retried: the first step needed more than one attempt.
      expect(run.attempts).toBeGreaterThan(1);
      expect(run.steps.find((step) => step.stepKey === "invoice")?.attempts).toBe(4);

      const invoices = await invoicesWithReference(system, connection.externalId, reference);
      expect(invoices).toHaveLength(1);
      expect(invoices[0]).toMatchObject({ Status: "PAID" });
      expect(await contactsNamed(system, connection.externalId, customer)).toHaveLength(1);
    }, 90_000);
  }
});
