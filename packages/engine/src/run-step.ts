// The three things every execution of a step does — a run's (execute-flow) and the editor's Test
// button's (test-step) alike: find its action, turn its mapping into a checked input, and call the
// action so that whatever goes wrong comes back as a StepError a bookkeeper can read.
import { StepError } from "./action-definition";
import { CallDeferredError } from "./call-deferred-error";
import type { Catalog, CatalogAction } from "./catalog";
import { type FlowControl, recordFlowControl } from "./flow-control";
import type { FlowStep } from "./flow-definition";
import { isUnchosenEachSource } from "./mapping-schema";
import { defineOwn, type PlainObject, readOwn } from "./plain-data";
import { resolveStepInput, type TemplateContext } from "./template-resolver";
import { validateStepInput } from "./validate-step-input";

/** Supplies the connector's authorised client for a step's connection (for Xero: API + tenant). */
export type ClientFor = (step: FlowStep, action: CatalogAction) => unknown | Promise<unknown>;

export type PreparedStep =
  | {
      ok: true;
      action: CatalogAction;
      /** The input after template resolution, before validation (what the run history shows). */
      resolved: PlainObject;
      /** The validated input the action receives. */
      input: PlainObject;
    }
  | { ok: false; error: StepError; resolved?: PlainObject };

/** What a step takes from its flow rather than from its own fields. */
export interface FlowSettings {
  /** IANA; UTC when the flow has none. */
  timeZone: string;
}

export const DEFAULT_FLOW_SETTINGS: FlowSettings = { timeZone: "UTC" };

/** The settings a definition gives its steps. */
export function flowSettingsOf(definition: { timeZone?: string }): FlowSettings {
  return { timeZone: definition.timeZone ?? DEFAULT_FLOW_SETTINGS.timeZone };
}

/**
 * Finds the step's action, resolves its templates against `context` and validates the result; a
 * field left empty that takes the flow's setting (`defaultFromFlow`) gets it first.
 */
export function prepareStep(
  catalog: Catalog,
  step: FlowStep,
  context: TemplateContext,
  flow: FlowSettings = DEFAULT_FLOW_SETTINGS,
): PreparedStep {
  const action = catalog.get(step.action);
  if (!action) {
    const message = `The action "${step.action}" of step "${step.key}" is no longer available; choose another.`;
    return { ok: false, error: new StepError(message, { code: "unknown_action", field: "action" }) };
  }
  // An unfinished "one per item of a list" would resolve to no lines at all: said as what to do.
  const unchosen = action.fields.find(
    (field) => field.type === "list" && isUnchosenEachSource(readOwn(readOwn(step.input, field.name), "$each")),
  );
  if (unchosen) {
    const message = `${unchosen.label}: choose the list to repeat over`;
    return { ok: false, error: new StepError(message, { code: "invalid_input", field: unchosen.name }) };
  }
  const { value: resolved, references } = resolveStepInput(step.input, context);
  for (const field of action.fields) {
    const given = readOwn(resolved, field.name);
    if (field.defaultFromFlow && (given === undefined || given === ""))
      defineOwn(resolved, field.name, flow[field.defaultFromFlow]);
  }
  const validation = validateStepInput(resolved, action.fields, references, action.check?.bind(action));
  if (validation.ok) return { ok: true, action, resolved, input: validation.input };

  const [first, ...others] = validation.problems;
  const more = others.length === 0 ? "" : ` (and ${others.length} more problem${others.length === 1 ? "" : "s"})`;
  const error = new StepError(`${first?.message ?? "The input is not valid"}${more}`, {
    code: "invalid_input",
    field: first?.field,
    details: { problems: validation.problems },
  });
  return { ok: false, error, resolved };
}

export interface CallActionOptions {
  step: FlowStep;
  action: CatalogAction;
  input: PlainObject;
  clientFor: ClientFor;
  idempotencyKey: string;
  signal: AbortSignal;
  /** The flow's IANA time zone, handed to the action as `ctx.timeZone`. */
  timeZone?: string;
}

export type ActionResult =
  /** `control`: the action asked its run to stop here or to wait (flow-control.ts). */
  | { ok: true; output: unknown; control?: FlowControl }
  | { ok: false; error: StepError }
  /** The connector's rate limits left no slot for a call: nothing was sent, try again later. */
  | { ok: false; deferred: CallDeferredError };

/**
 * Calls the action and returns its output as JSON data — exactly what is stored and what a resumed
 * run reads back, so later steps see the same thing either way — or the failure as a StepError.
 */
export async function callAction(options: CallActionOptions): Promise<ActionResult> {
  const { step, action, input, clientFor, idempotencyKey, signal } = options;
  const timeZone = options.timeZone ?? DEFAULT_FLOW_SETTINGS.timeZone;
  try {
    signal.throwIfAborted();
    const client = await clientFor(step, action);
    const flow = recordFlowControl();
    const output = await action.run({ client, idempotencyKey, signal, flow: flow.controls, timeZone }, input);
    const control = flow.requested();
    return control ? { ok: true, output: toJsonData(output), control } : { ok: true, output: toJsonData(output) };
  } catch (error) {
    if (error instanceof CallDeferredError) return { ok: false, deferred: error };
    return { ok: false, error: toStepError(error, step, signal) };
  }
}

/**
 * Anything that is not a StepError is a bug or an unexpected failure: its message may carry internals
 * (URLs, tokens), so the user gets a safe message and the original stays in `cause` for server logs.
 */
export function toStepError(error: unknown, step: FlowStep, signal?: AbortSignal): StepError {
  if (error instanceof StepError) return error;
  if (signal?.aborted) {
    return new StepError(`The run was interrupted during step "${step.key}"; it will be tried again.`, {
      code: "aborted",
      retryable: true,
      cause: error,
    });
  }
  return new StepError(`Step "${step.key}" failed because of an internal error. Try again, or contact your admin.`, {
    code: "internal",
    cause: error,
  });
}

function toJsonData(output: unknown): unknown {
  if (output === undefined) return null;
  return JSON.parse(JSON.stringify(output));
}
