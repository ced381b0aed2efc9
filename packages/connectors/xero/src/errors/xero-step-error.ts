import { type FieldSpec, StepError } from "@ledgerflow/engine";
import { validationProblems } from "./validation-problems";
import { errorSummary, validationEntries } from "./xero-error-body";
import type { XeroFailure } from "./xero-failure";

export const RECONNECT_MESSAGE = "Xero rejected the connection's credentials — reconnect it on the Connections page";

export interface FailureContext {
  /** What the step was doing, for messages: "create the invoice". */
  operation: string;
  /** The step's fields, to name the one a validation message concerns. */
  fields?: FieldSpec[];
  /** The step's input as sent, to find the line a validation message quotes ("Account code '999'…"). */
  input?: Record<string, unknown>;
  /** The token-access layer is refreshing this connection's tokens (a 401 is then transient). */
  refreshInProgress?: boolean;
}

/** `Retry-After` is seconds (what Xero sends) or an HTTP date. */
function retryAfterMs(headers: Record<string, string>): number | undefined {
  const value = headers["retry-after"];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function validationError(failure: XeroFailure, context: FailureContext): StepError {
  const entries = validationEntries(failure.body);
  const messages = [...new Set(entries.map((entry) => entry.message))];
  const summary = errorSummary(failure.body);
  const message = messages.length > 0 ? messages.join("\n") : (summary ?? `Xero refused to ${context.operation}.`);
  // Each message on its field and line, as the engine's own input problems are (`details.problems`).
  const problems = validationProblems(entries, context.fields ?? [], context.input);
  const field = problems.find((problem) => problem.field)?.field;
  return new StepError(message, {
    code: "xero_validation",
    field,
    details: {
      status: failure.status,
      validationErrors: messages,
      ...(problems.some((problem) => problem.field) ? { problems } : {}),
      ...(summary ? { xeroMessage: summary } : {}),
    },
  });
}

/** Turns a failed Xero call into a step error a bookkeeper can act on, retryable where a retry can help. */
export function xeroStepError(failure: XeroFailure, context: FailureContext): StepError {
  const { status, headers } = failure;
  const summary = errorSummary(failure.body);
  const details = { status, ...(summary ? { xeroMessage: summary } : {}) };

  if (status === 400) return validationError(failure, context);
  if (status === 401) {
    return context.refreshInProgress
      ? new StepError("Xero's access token is being renewed; the step will be retried.", {
          code: "xero_token_refreshing",
          retryable: true,
          details,
        })
      : new StepError(RECONNECT_MESSAGE, { code: "xero_unauthorized", details });
  }
  if (status === 403) {
    return new StepError(
      `Xero refused to let Ledgerflow ${context.operation}: the connection was not given permission for this ` +
        "(a missing scope) or no longer has access to this organisation. Reconnect it on the Connections page, " +
        "allowing the requested permissions and this organisation.",
      { code: "xero_forbidden", details },
    );
  }
  if (status === 404) {
    return new StepError(`Xero could not find what the step refers to while trying to ${context.operation}.`, {
      code: "xero_not_found",
      details,
    });
  }
  if (status === 429) {
    const problem = headers["x-rate-limit-problem"];
    const waitMs = retryAfterMs(headers);
    return new StepError(
      `Xero's ${problem ? `${problem} ` : ""}rate limit was reached; the step will be retried${
        waitMs !== undefined ? ` in ${Math.ceil(waitMs / 1000)} s` : ""
      }.`,
      { code: "rate_limited", retryable: true, retryAfterMs: waitMs, details: { ...details, problem } },
    );
  }
  if (status >= 500) {
    return new StepError(
      `Xero had a problem (HTTP ${status}) trying to ${context.operation}; the step will be retried.`,
      {
        code: "xero_unavailable",
        retryable: true,
        retryAfterMs: retryAfterMs(headers),
        details,
      },
    );
  }
  if (status === 0) {
    return new StepError(`Could not reach Xero to ${context.operation}: ${summary ?? "no answer"}.`, {
      code: "xero_network",
      retryable: true,
    });
  }
  return new StepError(summary ?? `Xero refused to ${context.operation} (HTTP ${status}).`, {
    code: "xero_rejected",
    details,
  });
}
