// The connector contract (docs/ARCHITECTURE.md §5): what a catalog entry — a Xero action or search,
// or any future connector's — tells the engine and the editor. The engine knows nothing of Xero:
// a connector supplies `TClient` (for Xero: an authorised AccountingApi and the tenant id).
import type { FlowControls } from "./flow-control";
import type { StepErrorCode } from "./step-error-codes";
import type { ActionTestBehaviour } from "./test-behaviour";

/** `conditions`: groups of conditions (conditions/condition-schema.ts), as a Filter or a Path holds them. */
export type FieldType = "string" | "text" | "number" | "date" | "boolean" | "select" | "list" | "conditions";

export interface SelectOption {
  value: string;
  label: string;
  /** Optional grouping/extra text shown in dropdowns (e.g. account type). */
  hint?: string;
}

/** Where a dropdown's options come from: a fixed list, or a loader key the connector implements. */
export type FieldOptions =
  | { static: SelectOption[] }
  | { loader: string /** fields whose values the loader needs */; dependsOn?: string[] };

export interface FieldSpec {
  /** Key in the step's input object (Xero's own PascalCase name where there is one). */
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  /** One or two sentences a bookkeeper understands. */
  help?: string;
  placeholder?: string;
  default?: unknown;
  options?: FieldOptions;
  /** For `list` fields: the shape of one item (e.g. an invoice line). */
  itemFields?: FieldSpec[];
  /** Shown but optional unless another field has this value, e.g. "AccountNumber" when matchBy = "AccountNumber". */
  requiredWhen?: { field: string; equals: unknown };
  /**
   * Irrelevant while another field has this value ("Item code" once "All items" is chosen): the
   * editor does not draw it, and neither the switch-on check nor the parser reads it.
   */
  hiddenWhen?: { field: string; equals: unknown };
  /** `number` fields: the value must be more than zero (an amount paid). Checked at switch-on and at run time. */
  positive?: boolean;
  /** `string`/`text` fields: the most characters the service accepts (Xero's 30 for an item code). */
  maxLength?: number;
  /**
   * `string`/`text` fields: the value exactly as given — blanks around text kept (only "" is empty)
   * and a mapped number left a number — for steps whose work is those blanks or that number (a
   * formatter's separator, its "trim", reading "1.234" as German or as a number it already is).
   */
  verbatim?: boolean;
  /** A credential (a password, an API key): typed as a password and never shown again once saved. */
  secret?: boolean;
  /** Left empty, the field takes the flow's own setting (its time zone) rather than `default`. */
  defaultFromFlow?: "timeZone";
}

export interface ActionContext<TClient = unknown> {
  /** The connector's authorised client for the step's connection. */
  client: TClient;
  /** `<runId>:<stepKey>`: every write passes it so a retry never writes twice. */
  idempotencyKey: string;
  signal: AbortSignal;
  /** Stop the run here or make it wait (flow-control.ts); most actions never touch it. */
  flow: FlowControls;
  /** The flow's IANA time zone (UTC unless the flow has one): where "today" is. */
  timeZone: string;
}

/**
 * What one run of an action writes, in a bookkeeper's words, so that every button that writes can
 * say so first ("Testing creates a real invoice in Demo Company (NZ)") and ask before writing again.
 */
export interface ActionWrites {
  /** The object, as a bookkeeper names it: "invoice", "payment". */
  noun: string;
  /**
   * "creates": every run makes a new one, so a repeat makes another (a second invoice).
   * "creates or updates" / "finds or creates": a repeat updates or finds the one it matched.
   */
  verb: "creates" | "creates or updates" | "finds or creates";
  /** The output field that names what was written ("InvoiceNumber" → "INV-0042"), if any. */
  nameField?: string;
  /** A step writes nothing while this field has one of these values (an HTTP request's GET); see stepWrites. */
  unless?: { field: string; in: readonly string[] };
}

export interface ActionDefinition<TClient = unknown, TInput = Record<string, unknown>, TOutput = unknown> {
  /** Stable id stored in flow definitions, e.g. "xero.createInvoice". */
  key: string;
  kind: "action" | "search";
  /** Catalog group shown in the editor's picker, e.g. "Contacts". */
  group: string;
  title: string;
  description: string;
  /** Every `kind: "action"` entry says what it writes; searches write nothing and leave it out. */
  writes?: ActionWrites;
  /** What a Test sends instead of the step's value (a draft), and how what it created is cleaned up. */
  test?: ActionTestBehaviour<TClient>;
  fields: FieldSpec[];
  /**
   * Rules across fields that no single field can state ("give the invoice's ID or its number"),
   * run by the engine on the parsed input once every field is valid. A method, so that a catalog
   * of actions with different inputs stays one list.
   */
  check?(input: TInput): InputCheckProblem[];
  /**
   * Whether a step of this action must name a connection (default true). Publishing refuses a step
   * without one; an action that needs no account (a future formatter) sets `false`.
   */
  needsConnection?: boolean;
  /** An example of what `run` returns; the editor's data picker uses it before a step is tested. */
  outputSample: TOutput;
  /** `input` is already parsed by the engine against `fields` (and `check`): typed, coerced, defaults filled. */
  run(ctx: ActionContext<TClient>, input: TInput): Promise<TOutput>;
}

/** One broken cross-field rule: the field it is reported on, and what to do, e.g. "give the invoice's ID or its number". */
export interface InputCheckProblem<TField extends string = string> {
  field: TField;
  message: string;
}

/**
 * A step failure the engine can reason about. `retryable` errors (rate limits, 5xx, timeouts) are
 * retried by the runtime; the rest fail the run with `message`, which the user reads as is.
 * `code: "rate_limited"` (the remote service's own rate limit) is retried after `retryAfterMs`
 * without spending one of the run's attempts, as the service asks.
 */
export class StepError extends Error {
  /** One of STEP_ERROR_CODES (step-error-codes.ts). */
  readonly code: StepErrorCode;
  readonly retryable: boolean;
  /** The input field the error concerns, when known (the editor highlights it). */
  readonly field?: string;
  /** Server-requested wait before a retry (Retry-After), in ms. */
  readonly retryAfterMs?: number;
  /** Extra facts for the run history (e.g. Xero's validation messages, HTTP status). */
  readonly details?: Record<string, unknown>;

  constructor(
    message: string,
    options: {
      code: StepErrorCode;
      retryable?: boolean;
      field?: string;
      retryAfterMs?: number;
      details?: Record<string, unknown>;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.name = "StepError";
    this.code = options.code;
    this.retryable = options.retryable ?? false;
    this.field = options.field;
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details;
  }

  toJSON() {
    return {
      message: this.message,
      code: this.code,
      retryable: this.retryable,
      ...(this.field ? { field: this.field } : {}),
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}
