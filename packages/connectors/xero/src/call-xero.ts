import { type FieldSpec, StepError } from "@ledgerflow/engine";
import { parseXeroRejection } from "./errors/xero-failure";
import { xeroStepError } from "./errors/xero-step-error";
import { currentCallSignal, type XeroClientContext } from "./xero-client-context";

/** Xero's JSON answer as sent (PascalCase), e.g. `{ Invoices: [{ InvoiceID, Total, … }] }`. */
export type XeroBody = Record<string, unknown>;

/** One xero-node call, e.g. `(api) => api.getContacts(tenantId)`; its `response.data` is Xero's body. */
export type XeroCall = (accounting: XeroClientContext["accounting"]) => Promise<{ response: { data: unknown } }>;

export interface CallXeroOptions {
  /** What the call does, for error messages: "create the invoice". */
  operation: string;
  /** The run's signal: cancelling the run cancels the call. */
  signal?: AbortSignal;
  /** The step's fields, so validation errors can name the field they concern. */
  fields?: FieldSpec[];
  /** The step's input as sent, so a validation error can name the line it concerns. */
  input?: Record<string, unknown>;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/**
 * Rejects when `signal` aborts. `dispose()` removes the listener once the call has settled: left
 * on the timeout signal, it kept every answer (axios response and body) reachable until the
 * timeout fired, 30 s later — hundreds of MB in a busy worker (docs/PERFORMANCE.md).
 */
function abortedPromise(signal: AbortSignal): { promise: Promise<never>; dispose: () => void } {
  let dispose = () => {};
  const promise = new Promise<never>((_, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else {
      signal.addEventListener("abort", onAbort, { once: true });
      dispose = () => signal.removeEventListener("abort", onAbort);
    }
  });
  return { promise, dispose };
}

/**
 * The one way Ledgerflow calls Xero. xero-node has no timeout of its own, so the call is bounded by
 * `client.timeoutMs` (the request is aborted, and the promise settles even if the SDK does not),
 * and its rejections — JSON strings rather than Errors — become `StepError`s. Returns Xero's raw
 * body rather than xero-node's camelCase models, so step outputs read as Xero's documentation does.
 */
export async function callXero(client: XeroClientContext, call: XeroCall, options: CallXeroOptions): Promise<XeroBody> {
  const release = await client.acquireCallSlot?.();
  try {
    return await callXeroWithinSlot(client, call, options);
  } finally {
    await release?.();
  }
}

async function callXeroWithinSlot(
  client: XeroClientContext,
  call: XeroCall,
  options: CallXeroOptions,
): Promise<XeroBody> {
  const timeout = AbortSignal.timeout(client.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const aborted = abortedPromise(signal);
  try {
    const { response } = await currentCallSignal.run(signal, () =>
      Promise.race([call(client.accounting), aborted.promise]),
    );
    return (response.data ?? {}) as XeroBody;
  } catch (rejection) {
    if (timeout.aborted) {
      throw new StepError(
        `Xero did not answer within ${formatDuration(client.timeoutMs)} while trying to ${options.operation}; the step will be retried.`,
        { code: "xero_timeout", retryable: true },
      );
    }
    if (options.signal?.aborted) {
      throw new StepError(`The run was stopped while trying to ${options.operation}.`, {
        code: "aborted",
        retryable: true,
      });
    }
    if (rejection instanceof Error) {
      // xero-node turns every HTTP and network failure into a JSON string; an Error is a call it
      // refused to make (a missing required argument): a bug that no retry will fix.
      throw new StepError(`Ledgerflow could not ${options.operation}: ${rejection.message}`, {
        code: "xero_request_invalid",
        cause: rejection,
      });
    }
    const failure = parseXeroRejection(rejection);
    const refreshInProgress = failure.status === 401 && (await client.isTokenRefreshInProgress?.());
    throw xeroStepError(failure, { ...options, refreshInProgress: Boolean(refreshInProgress) });
  } finally {
    aborted.dispose();
  }
}
