import { type FlowStep, StepError } from "@ledgerflow/engine";
import type { XeroRateLimiter } from "@ledgerflow/queue";
import { DEFERRED_BY_LIMITER, type ExecutionGuard } from "@ledgerflow/runtime";
import { getXeroClient } from "@ledgerflow/xero";

/**
 * The client a Xero step runs with: the connection's authorised AccountingApi (tokens refreshed as
 * needed) plus a gate before every call that checks the execution still holds its run's lease and
 * takes a rate-limit slot. When no slot is free the call fails with DEFERRED_BY_LIMITER, and the
 * worker delays the job without spending an attempt.
 */
export function createXeroStepClientFactory(limiter: XeroRateLimiter) {
  return async function clientFor(step: FlowStep, run: ExecutionGuard) {
    if (!step.connectionId) {
      throw new StepError("Choose the Xero organisation this step uses.", {
        code: "invalid_input",
        field: "connectionId",
      });
    }
    const client = await getXeroClient(step.connectionId, run.workspaceId);
    return {
      ...client,
      async acquireCallSlot() {
        run.beforeCall();
        const slot = await limiter.tryAcquire(client.tenantId);
        if (slot.ok) return slot.release;
        throw new StepError(`Waiting for Xero's ${slot.reason.replace("_", " ")} limit.`, {
          code: DEFERRED_BY_LIMITER,
          retryable: true,
          retryAfterMs: slot.retryInMs,
        });
      },
    };
  };
}
