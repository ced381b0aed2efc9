// Runs one formatter step the way the editor's Test button and a run do — the engine resolves the
// mapping against the trigger's data, parses the input against the fields, checks it, calls the
// step — so the tests see what a user would: the output, or the StepError naming the field.
import { createCatalog, testStep, upgradeFlowDefinition } from "@ledgerflow/engine";
import { formatterConnector } from "../formatter-connector";

const catalog = createCatalog(formatterConnector.actions);

export async function testFormatterStep(action: string, input: Record<string, unknown>, body: unknown = {}) {
  const definition = upgradeFlowDefinition({
    schemaVersion: 2,
    trigger: { type: "webhook", config: {}, sample: { body } },
    steps: [{ key: "format", action, input }],
  });
  const result = await testStep({ definition, stepKey: "format", catalog, clientFor: () => undefined });
  return "error" in result ? { error: result.error } : { output: result.output };
}
