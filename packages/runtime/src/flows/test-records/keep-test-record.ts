import { prisma } from "@ledgerflow/db";
import { createdTestRecord, type FlowStep } from "@ledgerflow/engine";
import { appConnectors } from "../../connectors/app-connectors";

export interface KeepTestRecordOptions {
  workspaceId: string;
  flowId: string;
  step: FlowStep;
  output: unknown;
}

/**
 * Keeps the record a step's test created (a draft invoice), as its action declares it, so the
 * editor can list it and clean it up. A test that created nothing (a contact found, an update)
 * keeps nothing.
 */
export async function keepTestRecord({ workspaceId, flowId, step, output }: KeepTestRecordOptions) {
  const action = appConnectors().catalog.get(step.action);
  const record = action ? createdTestRecord(action, output) : undefined;
  if (!action?.writes || !record) return;
  await prisma.testRecord.create({
    data: {
      workspaceId,
      flowId,
      stepKey: step.key,
      connectionId: step.connectionId ?? null,
      action: action.key,
      noun: action.writes.noun,
      externalId: record.externalId,
      label: record.label,
    },
  });
}
