import { prisma } from "@ledgerflow/db";
import { type FlowDefinition, upgradeFlowDefinition } from "@ledgerflow/engine";
import { InvalidInputError, NotFoundError } from "../errors/domain-errors";

export interface DraftForTest {
  definition: FlowDefinition;
  /** Every step's last test output, by step key (the data later steps are tested with). */
  sampleOutputs: Record<string, unknown>;
  stepSamples: { stepKey: string; output: unknown }[];
}

/** What Test and the live preview run a step against: the saved draft and the steps' last test outputs. */
export async function readDraftForTest(workspaceId: string, flowId: string): Promise<DraftForTest> {
  const flow = await prisma.flow.findFirst({
    where: { id: flowId, workspaceId },
    select: { draft: true, stepSamples: { where: { workspaceId }, select: { stepKey: true, output: true } } },
  });
  if (!flow) throw new NotFoundError("Flow");
  let definition: FlowDefinition;
  try {
    definition = upgradeFlowDefinition(flow.draft);
  } catch {
    throw new InvalidInputError("This flow's draft could not be read; reload the editor and try again.");
  }
  return { definition, sampleOutputs: sampleOutputsOf(flow.stepSamples), stepSamples: flow.stepSamples };
}

/** The steps' last test outputs by step key; a failed test has none. */
export function sampleOutputsOf(stepSamples: readonly { stepKey: string; output: unknown }[]): Record<string, unknown> {
  return Object.fromEntries(
    stepSamples.filter((sample) => sample.output !== null).map((sample) => [sample.stepKey, sample.output]),
  );
}
