import { type FlowStep, findStep, flowStepSchema, mapActionSteps, testStep } from "@ledgerflow/engine";
import { appConnectors } from "../connectors/app-connectors";
import type { ConnectorRegistry } from "../connectors/connector-registry";
import { InvalidInputError } from "../errors/domain-errors";
import { readDraftForTest } from "./read-draft-for-test";

export interface PreviewFlowStepInput {
  workspaceId: string;
  flowId: string;
  /** The step as the editor has it now, typed but maybe not saved yet. */
  step: unknown;
}

/**
 * Whether a step can be run as the user types: it writes nothing, reaches nothing outside the app
 * and needs no connection — a Formatter's or a Filter's — so running it on every keystroke costs
 * nothing and changes nothing. An HTTP GET writes nothing too, but reaches another app: never.
 */
export function isPreviewable(actionKey: string, connectors: ConnectorRegistry = appConnectors()): boolean {
  const action = connectors.catalog.get(actionKey);
  const connector = connectors.ownerOf(actionKey);
  return (
    action !== undefined &&
    action.writes === undefined &&
    action.needsConnection === false &&
    connector?.auth.kind === "none"
  );
}

/**
 * The editor's live preview: the step run on the trigger's sample and the earlier steps' last test
 * outputs, exactly as Test runs it, but with the step as typed and nothing kept — the result is
 * shown under the step, not saved as its sample.
 */
export async function previewFlowStep(input: PreviewFlowStepInput) {
  const parsed = flowStepSchema.safeParse(input.step);
  if (!parsed.success) throw new InvalidInputError("The step cannot be read yet.", "step");
  const step: FlowStep = parsed.data;
  if (!isPreviewable(step.action)) {
    throw new InvalidInputError(
      "Only steps that write nothing and reach no other app are previewed; use Test.",
      "step",
    );
  }
  const { definition, sampleOutputs } = await readDraftForTest(input.workspaceId, input.flowId);
  // A step added a moment ago may not be saved yet: it is previewed at the end of the flow.
  const withStep = findStep(definition, step.key)
    ? mapActionSteps(definition, (candidate) => (candidate.key === step.key ? step : candidate))
    : { ...definition, steps: [...definition.steps, step] };
  return testStep({
    definition: withStep,
    stepKey: step.key,
    sampleOutputs,
    catalog: appConnectors().catalog,
    // A previewable step has no connection and asks for no client.
    clientFor: () => undefined,
  });
}
