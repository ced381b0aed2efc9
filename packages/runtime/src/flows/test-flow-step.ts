import { prisma } from "@ledgerflow/db";
import {
  describeRepeatedTest,
  describeWrites,
  type FlowDefinition,
  findStep,
  stepWrites,
  type TestStepResult,
  testStep,
  testWouldRepeat,
} from "@ledgerflow/engine";
import { appConnectors } from "../connectors/app-connectors";
import { clientFor } from "../connectors/client-for";
import { ConflictError } from "../errors/domain-errors";
import { readDraftForTest } from "./read-draft-for-test";
import { saveStepSample } from "./save-step-sample";
import { keepTestRecord } from "./test-records/keep-test-record";

export interface TestFlowStepOptions {
  workspaceId: string;
  flowId: string;
  stepKey: string;
  /**
   * Testing a step that creates (an invoice, a payment) again creates another one: refused when its
   * last test succeeded, unless the person was asked and agreed, which the caller says with true.
   */
  confirmRepeat?: boolean;
  /** Send the step's own values rather than its action's test override (an approved invoice, not a draft). */
  useStepValues?: boolean;
}

/** Refuses a second test of a step that creates, naming what the first one created and where. */
async function refuseRepeatedTest(
  workspaceId: string,
  definition: FlowDefinition,
  stepKey: string,
  lastOutput: unknown,
) {
  const step = findStep(definition, stepKey)?.step;
  const writes = step ? stepWrites(appConnectors().catalog.get(step.action), step.input) : undefined;
  if (!step || !testWouldRepeat(writes, lastOutput)) return;
  const connection = step.connectionId
    ? await prisma.connection.findFirst({ where: { id: step.connectionId, workspaceId }, select: { name: true } })
    : null;
  const again = describeWrites([{ writes, again: true, organisation: connection?.name }]);
  throw new ConflictError(
    `${describeRepeatedTest(writes, lastOutput)}; testing it again ${again}. Confirm to test again.`,
  );
}

/**
 * The editor's "Test" button: runs one step of the saved draft for real, with the trigger's sample
 * and the earlier steps' last test outputs, and keeps the result as the step's sample (for the data
 * picker and the next steps' tests) and what it created as a test record (for clean-up). Where the
 * action declares it, the test sends a safer value than the step's (a draft), and says so
 * (`override`). A failed test is a normal result, not an exception.
 */
export async function testFlowStep(options: TestFlowStepOptions) {
  const { workspaceId, flowId, stepKey, confirmRepeat, useStepValues } = options;
  const { definition, sampleOutputs, stepSamples } = await readDraftForTest(workspaceId, flowId);

  if (confirmRepeat !== true) {
    const last = stepSamples.find((sample) => sample.stepKey === stepKey);
    await refuseRepeatedTest(workspaceId, definition, stepKey, last?.output);
  }

  const result: TestStepResult = await testStep({
    definition,
    stepKey,
    sampleOutputs,
    catalog: appConnectors().catalog,
    clientFor: clientFor({ workspaceId }),
    useStepValues,
  });
  const step = findStep(definition, stepKey)?.step;

  const sample = await saveStepSample({
    workspaceId,
    flowId,
    stepKey,
    input: result.input,
    output: "output" in result ? result.output : undefined,
    error: "error" in result ? result.error : undefined,
    connectionId: step?.connectionId,
  });
  if (step && "output" in result) await keepTestRecord({ workspaceId, flowId, step, output: result.output });
  // Whether a run would stop at this step (a Filter) or wait there (a Delay): the Test button says so.
  const control = "control" in result && result.control ? { control: result.control } : {};
  return { ...sample, ...control, ...(result.override ? { override: result.override } : {}) };
}
