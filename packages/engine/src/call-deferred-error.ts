/**
 * "Not now": the provider's rate limits (enforced on our side, before the call) leave no slot for
 * this call for `retryInMs`. Not a failure of the step — nothing was sent — so the engine stops the
 * flow at this step and hands the deferral to its caller: the worker delays the run without spending
 * an attempt (as BullMQ's DelayedError does for a job); the Test button and dropdowns say when to try
 * again.
 */
export class CallDeferredError extends Error {
  constructor(
    /** Which limit is full, in words: "Xero's per-minute limit for Demo Company". */
    readonly limit: string,
    readonly retryInMs: number,
  ) {
    super(`Waiting for ${limit}.`);
    this.name = "CallDeferredError";
  }
}
