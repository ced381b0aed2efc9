// Runs a flow's steps in order for one trigger event (docs/ARCHITECTURE.md §6). The caller persists
// what happens through the hooks and owns retries: a failed step ends the execution with its
// StepError, and `error.retryable` tells the caller whether trying again can help.
import type { StepError, StepLogger } from "./action-definition";
import type { Catalog } from "./catalog";
import type { FlowDefinition, FlowStep } from "./flow-definition";
import { defineOwn, type PlainObject } from "./plain-data";
import { type ClientFor, callAction, prepareStep, silentLogger, stepLogger } from "./run-step";

export interface ExecuteFlowHooks {
  /** Called once the step's input is resolved, before validation and the action call. */
  onStepStart?(step: FlowStep, resolvedInput: PlainObject): void | Promise<void>;
  onStepSucceeded?(step: FlowStep, output: unknown, durationMs: number): void | Promise<void>;
  /** `resolvedInput` is absent when the step failed before its input could be resolved (unknown action). */
  onStepFailed?(step: FlowStep, error: StepError, resolvedInput?: PlainObject): void | Promise<void>;
  /** Called instead of running a step whose earlier output is reused. */
  onStepReused?(step: FlowStep, output: unknown): void | Promise<void>;
  /** The connector's rate limits deferred the step's call: nothing was sent, the flow stops here. */
  onStepDeferred?(step: FlowStep): void | Promise<void>;
}

export interface ExecuteFlowOptions {
  definition: FlowDefinition;
  /** The trigger event (`{{trigger.…}}`). */
  trigger: unknown;
  catalog: Catalog;
  /** Part of every step's idempotency key, `<runId>:<stepKey>`. */
  runId: string;
  /**
   * Earlier results of this run's steps (or of the run being resumed), e.g. its StepRun rows. Steps
   * that SUCCEEDED are not called again: after a crash, or when resuming, nothing is written twice.
   */
  previousSteps?: readonly PreviousStepResult[];
  /** The same, given as the outputs of the steps that succeeded, by step key. */
  previousOutputs?: Readonly<Record<string, unknown>>;
  /** Run from this step on even if it has a previous output; earlier steps reuse theirs. */
  startAt?: string;
  /**
   * Idempotency keys to use instead of `<runId>:<stepKey>`, by step key: a step whose earlier call
   * may have reached Xero (it timed out, say) repeats that call's key, so Xero answers with what it
   * did then instead of doing it again.
   */
  idempotencyKeys?: Readonly<Record<string, string>>;
  clientFor: ClientFor;
  hooks?: ExecuteFlowHooks;
  signal?: AbortSignal;
  logger?: StepLogger;
}

export interface PreviousStepResult {
  stepKey: string;
  status: string;
  output: unknown;
}

export interface ExecuteFlowResult {
  status: "SUCCEEDED" | "FAILED" | "DEFERRED";
  /** Outputs of the steps that succeeded (or were reused), by step key. */
  outputs: PlainObject;
  failedStep?: FlowStep;
  error?: StepError;
  /** DEFERRED: a call had to wait for the connector's rate limits; run the flow again in `retryInMs`. */
  deferred?: { step: FlowStep; retryInMs: number };
}

/**
 * Errors thrown by hooks are not step failures (the run's state could not be recorded): they
 * propagate to the caller, which retries the whole job.
 */
export async function executeFlow(options: ExecuteFlowOptions): Promise<ExecuteFlowResult> {
  const { definition, trigger, catalog, runId, clientFor, hooks = {} } = options;
  const signal = options.signal ?? new AbortController().signal;
  const logger = options.logger ?? silentLogger;
  const startIndex = options.startAt ? definition.steps.findIndex((step) => step.key === options.startAt) : -1;
  const reusable = reusableOutputs(options);
  const outputs: PlainObject = {};

  for (const [index, step] of definition.steps.entries()) {
    if (reusable.has(step.key) && (startIndex === -1 || index < startIndex)) {
      const output = reusable.get(step.key);
      defineOwn(outputs, step.key, output);
      await hooks.onStepReused?.(step, output);
      continue;
    }

    const started = performance.now();
    const prepared = prepareStep(catalog, step, { trigger, steps: outputs });
    if (prepared.resolved) await hooks.onStepStart?.(step, prepared.resolved);
    const result = prepared.ok
      ? await callAction({
          step,
          action: prepared.action,
          input: prepared.input,
          clientFor,
          idempotencyKey: options.idempotencyKeys?.[step.key] ?? `${runId}:${step.key}`,
          signal,
          logger: stepLogger(logger, { runId, stepKey: step.key }),
        })
      : prepared;
    if (!result.ok && "deferred" in result) {
      await hooks.onStepDeferred?.(step);
      return { status: "DEFERRED", outputs, deferred: { step, retryInMs: result.deferred.retryInMs } };
    }
    if (!result.ok) {
      await hooks.onStepFailed?.(step, result.error, prepared.resolved);
      return { status: "FAILED", outputs, failedStep: step, error: result.error };
    }
    defineOwn(outputs, step.key, result.output);
    await hooks.onStepSucceeded?.(step, result.output, Math.round(performance.now() - started));
  }
  return { status: "SUCCEEDED", outputs };
}

function reusableOutputs({ previousSteps = [], previousOutputs = {} }: ExecuteFlowOptions): Map<string, unknown> {
  const reusable = new Map(Object.entries(previousOutputs));
  for (const result of previousSteps) {
    if (result.status === "SUCCEEDED") reusable.set(result.stepKey, result.output);
  }
  return reusable;
}
