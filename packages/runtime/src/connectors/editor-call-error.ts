import { CallDeferredError, StepError } from "@ledgerflow/engine";
import { InvalidInputError, RateLimitedError } from "../errors/domain-errors";

/**
 * A failed call the editor made to a connected service (a dropdown's choices, "Load a recent
 * record"), as the editor says it: the service's own reason (reconnect needed, a missing scope)
 * as an InvalidInputError, a full rate-limit window as "try again in N s". Anything else is
 * returned as it is, for the caller to rethrow.
 */
export function editorCallError(error: unknown): unknown {
  if (error instanceof StepError) {
    const message = error.retryable ? `${error.message} Try again in a moment.` : error.message;
    return new InvalidInputError(message, error.field);
  }
  if (error instanceof CallDeferredError) {
    const seconds = Math.max(1, Math.ceil(error.retryInMs / 1000));
    return new RateLimitedError(`${error.message} Try again in ${seconds} s.`, seconds);
  }
  return error;
}
