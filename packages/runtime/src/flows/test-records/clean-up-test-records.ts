import { prisma } from "@ledgerflow/db";
import { type FlowStep, StepError } from "@ledgerflow/engine";
import { appConnectors } from "../../connectors/app-connectors";
import { clientFor } from "../../connectors/client-for";
import { NotFoundError } from "../../errors/domain-errors";
import { listTestRecords } from "./list-test-records";

export interface CleanUpTestRecordsOptions {
  workspaceId: string;
  flowId: string;
}

/**
 * "Clean up": removes every record the flow's tests created that is not cleaned up yet, one call
 * each as its action declares (delete a draft, void an approved invoice, archive a contact), and
 * keeps each outcome — done, or why not — on the record. Newest first, so a payment is deleted
 * before the invoice it pays (Xero voids no invoice with payments). A record already cleaned is
 * never sent again. Answers the list as it now stands.
 */
export async function cleanUpTestRecords({ workspaceId, flowId }: CleanUpTestRecordsOptions) {
  const flow = await prisma.flow.findFirst({ where: { id: flowId, workspaceId }, select: { id: true } });
  if (!flow) throw new NotFoundError("Flow");
  const records = await prisma.testRecord.findMany({
    where: { workspaceId, flowId, cleanedAt: null },
    orderBy: { createdAt: "desc" },
  });
  const { catalog } = appConnectors();
  const clients = clientFor({ workspaceId });
  // Bounds the whole clean-up; each call also has Xero's own timeout.
  const signal = AbortSignal.timeout(60_000);
  for (const record of records) {
    const action = catalog.get(record.action);
    const spec = action?.test?.record;
    let outcome: { cleanedAt: Date | null; cleanupResult: string; cleanupError: boolean };
    if (!action || !spec) {
      outcome = {
        cleanedAt: null,
        cleanupResult: "Ledgerflow cannot clean this up: remove it yourself.",
        cleanupError: true,
      };
    } else if (!record.connectionId) {
      outcome = {
        cleanedAt: null,
        cleanupResult: "Its connection was removed, so Ledgerflow cannot reach it: remove it yourself.",
        cleanupError: true,
      };
    } else {
      const step: FlowStep = {
        key: record.stepKey,
        action: record.action,
        connectionId: record.connectionId,
        input: {},
      };
      try {
        const client = await clients(step, action);
        const done = await spec.cleanUp({ client, signal }, record.externalId);
        outcome = { cleanedAt: new Date(), cleanupResult: done, cleanupError: false };
      } catch (error) {
        // A StepError's message is written for the person (Xero's refusal, a reconnect); anything
        // else is a bug whose details stay in the server log.
        if (!(error instanceof StepError)) {
          console.error(`[test records] cleaning up ${record.id} failed:`, (error as Error)?.message);
        }
        const message = error instanceof StepError ? error.message : "Clean-up failed unexpectedly; try again.";
        outcome = { cleanedAt: null, cleanupResult: message, cleanupError: true };
      }
    }
    // Only while still not cleaned: a clean-up running at the same time may have just done it, and
    // its success must not be overwritten by this one's "already deleted".
    await prisma.testRecord.updateMany({ where: { id: record.id, workspaceId, cleanedAt: null }, data: outcome });
  }
  return listTestRecords({ workspaceId, flowId });
}
