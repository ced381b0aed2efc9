import { prisma } from "@ledgerflow/db";
import { type FlowStep, StepError, type TestStepResult, testStep, upgradeFlowDefinition } from "@ledgerflow/engine";
import { getXeroClient } from "@ledgerflow/xero";
import { appCatalog } from "../catalog/app-catalog";
import { InvalidInputError, NotFoundError } from "../errors/domain-errors";
import { saveStepSample } from "./save-step-sample";

export interface TestFlowStepOptions {
  workspaceId: string;
  flowId: string;
  stepKey: string;
}

/**
 * The editor's "Test" button: runs one step of the saved draft for real, with the trigger's sample
 * and the earlier steps' last test outputs, and keeps the result as the step's sample (for the data
 * picker and the next steps' tests). A failed test is a normal result, not an exception.
 */
export async function testFlowStep({ workspaceId, flowId, stepKey }: TestFlowStepOptions) {
  const flow = await prisma.flow.findFirst({
    where: { id: flowId, workspaceId },
    select: { draft: true, stepSamples: { where: { workspaceId }, select: { stepKey: true, output: true } } },
  });
  if (!flow) throw new NotFoundError("Integration");

  let definition: ReturnType<typeof upgradeFlowDefinition>;
  try {
    definition = upgradeFlowDefinition(flow.draft);
  } catch {
    throw new InvalidInputError("This integration's draft could not be read; reload the editor and try again.");
  }

  const sampleOutputs = Object.fromEntries(
    flow.stepSamples.filter((sample) => sample.output !== null).map((sample) => [sample.stepKey, sample.output]),
  );
  const result: TestStepResult = await testStep({
    definition,
    stepKey,
    sampleOutputs,
    catalog: appCatalog(),
    clientFor: (step: FlowStep) => {
      if (!step.connectionId) {
        throw new StepError("Choose the Xero organisation this step uses.", {
          code: "no_connection",
          field: "connectionId",
        });
      }
      return getXeroClient(step.connectionId, workspaceId);
    },
  });

  const sample = await saveStepSample({
    workspaceId,
    flowId,
    stepKey,
    input: result.input,
    output: "output" in result ? result.output : undefined,
    error: "error" in result ? result.error : undefined,
  });
  return sample;
}
