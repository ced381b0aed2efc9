// Runs a flow's steps in order for one trigger event (docs/ARCHITECTURE.md §6). The caller persists
// what happens through the hooks and owns retries: a failed step ends the execution with its
// StepError, and `error.retryable` tells the caller whether trying again can help. A step may also
// end its line on purpose (a Filter: FILTERED) or make the run wait (WAITING): it succeeded, its
// output is kept, and a run resumed with that output as `previousOutputs` goes on from the next step.
// A Paths step decides which of its paths run, then runs each one's steps in turn; a Filter inside a
// path ends that path only, and the run is FILTERED when every line it took ended so.
import type { StepError } from "./action-definition";
import type { Catalog } from "./catalog";
import { decidePaths, noPathReason, PATHS_ACTION, type PathsDecision, takenBranches } from "./decide-paths";
import { type FlowDefinition, type FlowNode, type FlowStep, isPathsStep, type PathsStep } from "./flow-definition";
import { defineOwn, type PlainObject } from "./plain-data";
import { type ClientFor, callAction, flowSettingsOf, prepareStep } from "./run-step";

/** A step as run history records it: an action step, or a Paths step's decision (`action: "paths"`). */
export interface ExecutedStep {
  key: string;
  action: string;
}

export interface ExecuteFlowHooks {
  /** Called once the step's input is resolved, before validation and the action call. */
  onStepStart?(step: ExecutedStep, resolvedInput: PlainObject): void | Promise<void>;
  onStepSucceeded?(step: ExecutedStep, output: unknown, durationMs: number): void | Promise<void>;
  /** `resolvedInput` is absent when the step failed before its input could be resolved (unknown action). */
  onStepFailed?(step: ExecutedStep, error: StepError, resolvedInput?: PlainObject): void | Promise<void>;
  /** Called instead of running a step whose earlier output is reused. */
  onStepReused?(step: ExecutedStep, output: unknown): void | Promise<void>;
  /** The connector's rate limits deferred the step's call: nothing was sent, the flow stops here. */
  onStepDeferred?(step: ExecutedStep): void | Promise<void>;
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
   * resumed), by step key. Those steps are not called again, so nothing is written twice; a Paths
   * step's decision is not taken again either.
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
  failedStep?: ExecutedStep;
  error?: StepError;
  /** DEFERRED: a call had to wait for the connector's rate limits; run the flow again in `retryInMs`. */
  deferred?: { step: ExecutedStep; retryInMs: number };
  /** FILTERED: the step that stopped the run, and why in the bookkeeper's words. */
  stopped?: { step: ExecutedStep; reason: string };
  /** WAITING: the step that asked to wait, and the ISO instant the run goes on at. */
  waiting?: { step: ExecutedStep; until: string };
}

/** How one line of steps ended: all done, stopped on purpose, or the whole run ends here. */
type LineOutcome =
  | { kind: "done" }
  | { kind: "stopped"; step: ExecutedStep; reason: string }
  | { kind: "ends"; result: Omit<ExecuteFlowResult, "outputs"> };

/**
 * Errors thrown by hooks are not step failures (the run's state could not be recorded): they
 * propagate to the caller, which retries the whole job.
 */
export async function executeFlow(options: ExecuteFlowOptions): Promise<ExecuteFlowResult> {
  const { definition, trigger, catalog, runId, clientFor, hooks = {} } = options;
  const signal = options.signal ?? new AbortController().signal;
  const reusable = new Map(Object.entries(options.previousOutputs ?? {}));
  const outputs: PlainObject = {};
  const settings = flowSettingsOf(definition);

  const reuse = async (step: ExecutedStep): Promise<boolean> => {
    if (!reusable.has(step.key)) return false;
    const output = reusable.get(step.key);
    defineOwn(outputs, step.key, output);
    await hooks.onStepReused?.(step, output);
    return true;
  };

  const runAction = async (step: FlowStep): Promise<LineOutcome | undefined> => {
    if (await reuse(step)) return undefined;
    const started = performance.now();
    const prepared = prepareStep(catalog, step, { trigger, steps: outputs }, settings);
    if (prepared.resolved) await hooks.onStepStart?.(step, prepared.resolved);
    const result = prepared.ok
      ? await callAction({
          step,
          action: prepared.action,
          input: prepared.input,
          clientFor,
          idempotencyKey: options.idempotencyKeys?.[step.key] ?? `${runId}:${step.key}`,
          signal,
          timeZone: settings.timeZone,
        })
      : prepared;
    if (!result.ok && "deferred" in result) {
      await hooks.onStepDeferred?.(step);
      return { kind: "ends", result: { status: "DEFERRED", deferred: { step, retryInMs: result.deferred.retryInMs } } };
    }
    if (!result.ok) {
      await hooks.onStepFailed?.(step, result.error, prepared.resolved);
      return { kind: "ends", result: { status: "FAILED", failedStep: step, error: result.error } };
    }
    defineOwn(outputs, step.key, result.output);
    await hooks.onStepSucceeded?.(step, result.output, Math.round(performance.now() - started));
    if (result.control?.type === "stop") return { kind: "stopped", step, reason: result.control.reason };
    if (result.control?.type === "wait") {
      return { kind: "ends", result: { status: "WAITING", waiting: { step, until: result.control.until } } };
    }
    return undefined;
  };

  const runPaths = async (node: PathsStep): Promise<LineOutcome> => {
    const step: ExecutedStep = { key: node.key, action: PATHS_ACTION };
    let decision: PathsDecision;
    if (reusable.has(node.key)) {
      decision = reusable.get(node.key) as PathsDecision;
      await reuse(step);
    } else {
      const started = performance.now();
      const decided = decidePaths(node, { trigger, steps: outputs }, new Date(), settings.timeZone);
      await hooks.onStepStart?.(step, decided.resolved);
      if (!decided.ok) {
        await hooks.onStepFailed?.(step, decided.error, decided.resolved);
        return { kind: "ends", result: { status: "FAILED", failedStep: step, error: decided.error } };
      }
      decision = decided.decision;
      defineOwn(outputs, node.key, decision);
      await hooks.onStepSucceeded?.(step, decision, Math.round(performance.now() - started));
    }
    const branches = takenBranches(node, decision);
    if (branches.length === 0) return { kind: "stopped", step, reason: noPathReason(decision) };
    const stops: Extract<LineOutcome, { kind: "stopped" }>[] = [];
    for (const branch of branches) {
      const outcome = await runLine(branch.steps);
      if (outcome.kind === "ends") return outcome;
      if (outcome.kind === "stopped") stops.push(outcome);
    }
    // The run goes on if any path it took went to its end; a Paths step is the last of its line.
    if (stops.length < branches.length) return { kind: "done" };
    return { kind: "stopped", step: stops[0]?.step ?? step, reason: stops.map((stop) => stop.reason).join("; ") };
  };

  const runLine = async (nodes: FlowNode[]): Promise<LineOutcome> => {
    for (const node of nodes) {
      const outcome = isPathsStep(node) ? await runPaths(node) : await runAction(node);
      if (outcome && outcome.kind !== "done") return outcome;
    }
    return { kind: "done" };
  };

  const outcome = await runLine(definition.steps);
  if (outcome.kind === "done") return { status: "SUCCEEDED", outputs };
  if (outcome.kind === "stopped") {
    return { status: "FILTERED", outputs, stopped: { step: outcome.step, reason: outcome.reason } };
  }
  return { ...outcome.result, outputs };
}
