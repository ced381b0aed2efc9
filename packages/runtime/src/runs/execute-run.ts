import {
  type CatalogAction,
  type ExecutedStep,
  executeFlow,
  type FlowDefinition,
  type FlowStep,
  listSteps,
  StepError,
  upgradeFlowDefinition,
} from "@ledgerflow/engine";
import { appConnectors } from "../connectors/app-connectors";
import { clientFor as connectorClientFor } from "../connectors/client-for";
import type { ConnectorRegistry } from "../connectors/connector-registry";
import { describeInfrastructureError, isInfrastructureError } from "../errors/is-infrastructure-error";
import { runBackoffMs } from "./run-backoff";
import { acquireRunLease, type LeasedRun, LeaseLostError, type RunLease, releaseRunLease } from "./run-lease";
import { recordRunDelayed, recordRunFinished, recordRunWaiting } from "./run-outcome-records";
import { recordStepDeferred, recordStepFailed, recordStepStarted, recordStepSucceeded } from "./step-run-records";

/** A worker that vanished this many times while executing one run (out of memory, say) gives up on it. */
export const MAX_INTERRUPTIONS = 20;

export interface ExecuteRunDeps {
  /** The connectors whose actions runs call (the app's; a test's own connector in tests). */
  connectors?: ConnectorRegistry;
  /** How long an execution's lease lasts without renewal (WORKER_LOCK_MS). */
  leaseMs: number;
  /** Executions ending in a retryable step error before the run fails (RUN_MAX_ATTEMPTS). */
  maxAttempts: number;
}

export type ExecuteRunOutcome =
  | { kind: "finished"; status: "SUCCEEDED" | "FAILED" | "FILTERED" | "NOT_RUNNABLE" }
  /** The run is due again in `delayMs`: the caller keeps its job until then. */
  | { kind: "wait"; delayMs: number; reason: WaitReason };

type WaitReason = "limiter" | "rate_limited" | "retry" | "held_elsewhere" | "lease_lost" | "delay";

/**
 * Our own stores failed during an execution (docs/ARCHITECTURE.md §6, "Failures"). It spends none of
 * the run's attempts; the worker retries the job with backoff, and the cause is kept for the operator.
 */
export class InfrastructureError extends Error {
  constructor(cause: unknown) {
    super(`PostgreSQL or Redis failed during the run: ${describeInfrastructureError(cause)}`, { cause });
    this.name = "InfrastructureError";
  }
}

/**
 * Executes (or resumes) one run under its execution lease: at most one worker executes a run at a
 * time. Steps that already SUCCEEDED keep their outputs and are not called again (crash recovery and
 * "resume" replays); every other step resolves, validates and calls its action with Idempotency-Key
 * `<runId>:<stepKey>`, and each StepRun is stored as it happens. Retry policy: a retryable failure
 * is returned as a wait, never slept on; a failure of our own stores is thrown as InfrastructureError.
 */
export async function executeRun(
  job: { runId: string; workspaceId: string },
  deps: ExecuteRunDeps,
): Promise<ExecuteRunOutcome> {
  const acquired = await acquireRunLease(job, deps.leaseMs).catch((error) => {
    throw isInfrastructureError(error) ? new InfrastructureError(error) : error;
  });
  if (acquired.kind === "not_runnable") return { kind: "finished", status: "NOT_RUNNABLE" };
  if (acquired.kind === "held_elsewhere") {
    return { kind: "wait", delayMs: acquired.retryInMs, reason: "held_elsewhere" };
  }
  if (acquired.kind === "not_due") return { kind: "wait", delayMs: acquired.retryInMs, reason: "delay" };
  const { lease, run } = acquired;
  try {
    return await executeLeased(lease, run, deps);
  } catch (error) {
    if (error instanceof LeaseLostError || lease.signal.aborted) {
      lease.stop();
      return { kind: "wait", delayMs: 1_000, reason: "lease_lost" };
    }
    await releaseRunLease(lease);
    throw isInfrastructureError(error) ? new InfrastructureError(error) : error;
  } finally {
    lease.stop();
  }
}

async function executeLeased(lease: RunLease, run: LeasedRun, deps: ExecuteRunDeps): Promise<ExecuteRunOutcome> {
  if (run.interruptions > MAX_INTERRUPTIONS) {
    await recordRunFinished(lease, "FAILED", {
      code: "interrupted",
      message: `The worker executing this run stopped ${run.interruptions} times before it could finish (it may run out of memory on this run). Re-run it once the cause is fixed.`,
    });
    return { kind: "finished", status: "FAILED" };
  }
  if (!run.definition) {
    await recordRunFinished(lease, "FAILED", {
      code: "version_missing",
      message: "The version of the flow this run was queued for no longer exists; re-run it.",
    });
    return { kind: "finished", status: "FAILED" };
  }

  let definition: FlowDefinition;
  try {
    definition = upgradeFlowDefinition(run.definition);
  } catch {
    await recordRunFinished(lease, "FAILED", {
      code: "definition_unreadable",
      message: "The version of the flow this run was queued for could not be read; re-run it on the current version.",
    });
    return { kind: "finished", status: "FAILED" };
  }
  const previousOutputs = Object.fromEntries(run.succeededSteps.map((step) => [step.stepKey, step.output]));
  // Depth-first, paths included: run history numbers steps as the editor shows them.
  const stepIndex = new Map(listSteps(definition).map((place) => [place.node.key, place.index]));
  const indexOf = (step: ExecutedStep) => stepIndex.get(step.key) ?? 0;
  const idempotencyKey = (step: ExecutedStep) => run.idempotencyKeys[step.key] ?? `${lease.runId}:${step.key}`;
  const connectors = deps.connectors ?? appConnectors();
  // Every call to the outside world first checks that this execution still holds the run's lease.
  const stepClient = connectorClientFor(
    { workspaceId: lease.workspaceId, beforeCall: () => lease.assertHeld() },
    connectors,
  );
  // One client per connection for the whole execution: the connection row is read and its token
  // decrypted once per run, not once per step (a failed lookup is not kept, so a step retries it).
  const clients = new Map<string, Promise<unknown>>();
  const clientFor = (step: FlowStep, action: CatalogAction) => {
    if (!step.connectionId) return stepClient(step, action);
    let client = clients.get(step.connectionId);
    if (!client) {
      client = Promise.resolve(stepClient(step, action));
      clients.set(step.connectionId, client);
      client.catch(() => clients.delete(step.connectionId as string));
    }
    return client;
  };

  const result = await executeFlow({
    definition,
    trigger: run.trigger,
    catalog: connectors.catalog,
    runId: lease.runId,
    previousOutputs,
    idempotencyKeys: run.idempotencyKeys,
    clientFor,
    signal: lease.signal,
    hooks: {
      onStepStart: (step, input) => recordStepStarted(lease, step, indexOf(step), input, idempotencyKey(step)),
      onStepSucceeded: (step, output) => recordStepSucceeded(lease, step, output),
      onStepDeferred: (step) => recordStepDeferred(lease, step),
      onStepFailed(step, error, input) {
        return recordStepFailed(
          lease,
          step,
          indexOf(step),
          withInfrastructureCause(error),
          input,
          idempotencyKey(step),
        );
      },
    },
  });
  // A call cut short because the lease ran out is not the step's failure: the next holder repeats it.
  if (lease.signal.aborted) throw new LeaseLostError(lease.runId);

  if (result.status === "SUCCEEDED") {
    await recordRunFinished(lease, "SUCCEEDED", null);
    return { kind: "finished", status: "SUCCEEDED" };
  }
  // A step (a Filter) ended the run on purpose: it succeeded, and nothing after it runs.
  if (result.stopped) {
    await recordRunFinished(lease, "FILTERED", null, result.stopped.reason);
    return { kind: "finished", status: "FILTERED" };
  }
  // A Delay step succeeded and asked the run to wait: it goes on from the next step at `until`.
  if (result.waiting) {
    const until = new Date(result.waiting.until);
    await recordRunDelayed(lease, until);
    return { kind: "wait", delayMs: Math.max(0, until.getTime() - Date.now()), reason: "delay" };
  }
  // The connector's rate limits had no slot: nothing was sent, so no attempt is spent.
  if (result.deferred) {
    const { retryInMs: delayMs } = result.deferred;
    await recordRunWaiting(lease, { delayMs, deferred: true, failedAttempt: false });
    return { kind: "wait", delayMs, reason: "limiter" };
  }
  const error = result.error ?? new StepError("The step failed.", { code: "internal" });
  if (isOwnStoresFailure(error)) throw error.cause;

  const wait = waitFor(error, run.failedAttempts, deps.maxAttempts);
  if (wait) {
    await recordRunWaiting(lease, wait);
    return { kind: "wait", delayMs: wait.delayMs, reason: wait.reason };
  }
  await recordRunFinished(lease, "FAILED", { ...error.toJSON(), stepKey: result.failedStep?.key });
  return { kind: "finished", status: "FAILED" };
}

/** How a failed execution waits for the next one, or null when the run has failed for good. */
function waitFor(error: StepError, failedAttempts: number, maxAttempts: number) {
  // The service's own rate limit: wait as long as it asks, without spending an attempt (as Xero documents).
  if (error.code === "rate_limited") {
    const delayMs = error.retryAfterMs ?? runBackoffMs(failedAttempts + 1);
    return { reason: "rate_limited" as const, delayMs, deferred: false, failedAttempt: false };
  }
  if (!error.retryable || failedAttempts + 1 >= maxAttempts) return null;
  const delayMs = runBackoffMs(failedAttempts + 1, error.retryAfterMs);
  return { reason: "retry" as const, delayMs, deferred: false, failedAttempt: true };
}

/** A step that failed because PostgreSQL or Redis did (a token read timing out, say), not because of Xero. */
function isOwnStoresFailure(error: StepError): error is StepError & { cause: unknown } {
  return error.code === "internal" && isInfrastructureError(error.cause);
}

/** Such a step's stored error says what happened and keeps the cause for the operator. */
function withInfrastructureCause(error: StepError): StepError {
  if (!isOwnStoresFailure(error)) return error;
  return new StepError("Ledgerflow could not reach its database or queue during this step; it will be tried again.", {
    code: "unavailable",
    retryable: true,
    details: { cause: describeInfrastructureError(error.cause) },
    cause: error.cause,
  });
}
