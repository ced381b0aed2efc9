// The editor's Test button: runs one step for real with the trigger's sample event and the earlier
// steps' last test outputs, so the user sees the exact input sent and what came back.
import { StepError } from "./action-definition";
import type { CallDeferredError } from "./call-deferred-error";
import type { Catalog } from "./catalog";
import type { FlowControl } from "./flow-control";
import { type FlowDefinition, type FlowStep, isPathsStep } from "./flow-definition";
import { findPlace } from "./flow-steps";
import { defineOwn, type PlainObject, readOwn } from "./plain-data";
import { type ClientFor, callAction, flowSettingsOf, prepareStep } from "./run-step";
import { listTemplateReferences, referencedStepKey } from "./template-references";
import { type AppliedOverride, applyTestOverride } from "./test-behaviour";

export interface TestStepOptions {
  definition: FlowDefinition;
  stepKey: string;
  /** The trigger event to test with; defaults to the trigger's saved sample. */
  sampleEvent?: unknown;
  /** Earlier steps' last test outputs, by step key. Outputs of this and later steps are ignored. */
  sampleOutputs?: Readonly<Record<string, unknown>>;
  catalog: Catalog;
  clientFor: ClientFor;
  signal?: AbortSignal;
  /** Send the step's own values, not the action's test override (an invoice's real status). */
  useStepValues?: boolean;
}

export type TestStepError = ReturnType<StepError["toJSON"]> & {
  /** Earlier steps this step reads that have not been tested yet (the editor offers to test them). */
  untestedSteps?: string[];
};

/** `override`: what the test sent instead of the step's own value (a draft), when it did. */
export type TestStepResult =
  /** `control`: in a run, the step would stop the run here or make it wait (flow-control.ts). */
  | { input: PlainObject | undefined; output: unknown; control?: FlowControl; override?: AppliedOverride }
  | { input: PlainObject | undefined; error: TestStepError; override?: AppliedOverride };

export async function testStep(options: TestStepOptions): Promise<TestStepResult> {
  const { definition, stepKey, catalog, clientFor } = options;
  const place = findPlace(definition, stepKey);
  const found = place && !isPathsStep(place.node) ? { step: place.node, before: place.before } : undefined;
  if (!found) {
    const error = new StepError(`There is no step "${stepKey}" in this flow.`, { code: "unknown_step" });
    return { input: undefined, error: error.toJSON() };
  }

  const outputs: PlainObject = {};
  for (const earlier of found.before) {
    const output = readOwn(options.sampleOutputs ?? {}, earlier.key);
    if (output !== undefined) defineOwn(outputs, earlier.key, output);
  }
  const trigger = options.sampleEvent ?? definition.trigger.sample ?? {};

  const settings = flowSettingsOf(definition);
  const prepared = prepareStep(catalog, found.step, { trigger, steps: outputs }, settings);
  if (!prepared.ok) {
    return { input: prepared.resolved, error: withUntestedHint(prepared.error.toJSON(), found.step, outputs) };
  }

  // A test writes for real, so it writes what is easiest to undo where the action says so (a draft).
  const { input, applied } = applyTestOverride(prepared.action, prepared.input, {
    useStepValues: options.useStepValues,
  });
  const override = applied ? { override: applied } : {};
  const result = await callAction({
    step: found.step,
    action: prepared.action,
    input,
    clientFor,
    // A test writes for real (to the chosen Xero organisation) but must never be deduplicated
    // against a run or an earlier test, so every test gets a key of its own.
    idempotencyKey: `test:${crypto.randomUUID()}`,
    signal: options.signal ?? new AbortController().signal,
    timeZone: settings.timeZone,
  });
  if (result.ok) {
    const { output, control } = result;
    return control ? { input, output, control, ...override } : { input, output, ...override };
  }
  if ("deferred" in result) return { input, error: deferredTestError(result.deferred).toJSON(), ...override };
  return { input, error: result.error.toJSON(), ...override };
}

/** A test cannot wait in the background as a run does: it says when the limit frees. */
function deferredTestError(deferred: CallDeferredError): StepError {
  const seconds = Math.max(1, Math.ceil(deferred.retryInMs / 1000));
  return new StepError(`${deferred.message} Nothing was sent: test again in ${seconds} s.`, {
    code: "rate_limited",
    retryable: true,
    retryAfterMs: deferred.retryInMs,
  });
}

/**
 * When the step reads earlier steps that have no test result yet, says so: their values were empty
 * because they were never produced, not because the data lacks them.
 */
function withUntestedHint(error: TestStepError, step: FlowStep, outputs: PlainObject): TestStepError {
  const untested = listTemplateReferences(step.input)
    .map(referencedStepKey)
    .filter((key): key is string => key !== undefined && !Object.hasOwn(outputs, key));
  if (untested.length === 0) return error;
  const untestedSteps = [...new Set(untested)];
  const names = untestedSteps.map((key) => `"${key}"`).join(", ");
  return { ...error, message: `${error.message}. Test ${names} first so this step can use the result.`, untestedSteps };
}
