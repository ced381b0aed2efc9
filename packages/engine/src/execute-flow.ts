// Runs a flow's steps in order for one trigger event (docs/ARCHITECTURE.md §6). The caller persists
// what happens through the hooks and owns retries: a failed step ends the execution with its
// StepError, and `error.retryable` tells the caller whether trying again can help. A step may also
// end the run on purpose (FILTERED) or make it wait (WAITING): it succeeded, its output is kept, and
// a run resumed with that output as `previousOutputs` goes on from the next step.
import type { StepError } from "./action-definition";
import type { Catalog } from "./catalog";
import type { FlowDefinition, FlowStep } from "./flow-definition";
import { defineOwn, type PlainObject } from "./plain-data";
import { type ClientFor, callAction, prepareStep } from "./run-step";

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
   * Outputs of this run's steps that already succeeded (before a crash, or in the run being
   * resumed), by step key. Those steps are not called again, so nothing is written twice.
   */
  previousOutputs?: Readonly<Record<string, unknown>>;
  /**
   * Idempotency keys to use instead of `<runId>:<stepKey>`, by step key: a step whose earlier call
   * may have reached Xero (it timed out, say) repeats that call's key, so Xero answers with what it
   * did then instead of doing it again.
   */
  idempotencyKeys?: Readonly<Record<string, string>>;
  clientFor: ClientFor;
  hooks?: ExecuteFlowHooks;
  signal?: AbortSignal;
}

export interface ExecuteFlowResult {
  status: "SUCCEEDED" | "FAILED" | "DEFERRED" | "FILTERED" | "WAITING";
  /** Outputs of the steps that succeeded (or were reused), by step key. */
  outputs: PlainObject;
  failedStep?: FlowStep;
  error?: StepError;
  /** DEFERRED: a call had to wait for the connector's rate limits; run the flow again in `retryInMs`. */
  deferred?: { step: FlowStep; retryInMs: number };
  /** FILTERED: the step that stopped the run, and why in the bookkeeper's words. */
  stopped?: { step: FlowStep; reason: string };
  /** WAITING: the step that asked to wait, and the ISO instant the run goes on at. */
  waiting?: { step: FlowStep; until: string };
}

/**
 * Errors thrown by hooks are not step failures (the run's state could not be recorded): they
 * propagate to the caller, which retries the whole job.
 */
export async function executeFlow(options: ExecuteFlowOptions): Promise<ExecuteFlowResult> {
  const { definition, trigger, catalog, runId, clientFor, hooks = {} } = options;
  const signal = options.signal ?? new AbortController().signal;
  const reusable = new Map(Object.entries(options.previousOutputs ?? {}));
  const outputs: PlainObject = {};

  for (const step of definition.steps) {
    if (reusable.has(step.key)) {
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
    if (result.control?.type === "stop") {
      return { status: "FILTERED", outputs, stopped: { step, reason: result.control.reason } };
    }
    if (result.control?.type === "wait") {
      return { status: "WAITING", outputs, waiting: { step, until: result.control.until } };
    }
  }
  return { status: "SUCCEEDED", outputs };
}
