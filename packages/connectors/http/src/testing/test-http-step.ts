// Runs the HTTP step the way the editor's Test button and a run do — the engine resolves the mapping
// against the trigger's data, parses the input against the fields, checks it, calls the step — so
// the tests see what a user would: the output, or the StepError.
import { createCatalog, executeFlow, testStep, upgradeFlowDefinition } from "@ledgerflow/engine";
import type { HttpClient } from "../http-auth";
import { httpConnector } from "../http-connector";

const catalog = createCatalog(httpConnector.actions);

const definitionOf = (input: Record<string, unknown>, body: unknown) =>
  upgradeFlowDefinition({
    schemaVersion: 2,
    trigger: { type: "webhook", config: {}, sample: { body } },
    steps: [{ key: "call", action: "http.request", input }],
  });

/** The Test button: one step with the trigger's sample, and the client of its connection if any. */
export async function testHttpStep(input: Record<string, unknown>, body: unknown = {}, client?: HttpClient) {
  const result = await testStep({
    definition: definitionOf(input, body),
    stepKey: "call",
    catalog,
    clientFor: () => client,
  });
  return "error" in result ? { error: result.error } : { output: result.output as Record<string, unknown> };
}

/** A run: the step executed by executeFlow, with the run's idempotency keys. */
export async function runHttpStep(input: Record<string, unknown>, body: unknown = {}, runId = "run-1") {
  return executeFlow({
    definition: definitionOf(input, body),
    trigger: { body },
    catalog,
    runId,
    clientFor: () => undefined,
  });
}
