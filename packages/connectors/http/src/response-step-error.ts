// An answer that is not a success, as the step's failure: 429 waits as the service asks (the
// runtime retries `rate_limited` after `retryAfterMs` without spending an attempt), 5xx is retried
// with backoff (never sooner than Retry-After), and anything else — a 4xx, a 3xx not followed — is
// the request's fault and is not retried.
import { StepError } from "@ledgerflow/engine";
import type { HttpResponseOutput } from "./response-output";

/** `Retry-After` is seconds or an HTTP date; absent or unreadable is undefined. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const SNIPPET_CHARS = 500;

/** The start of the body, for the run history: what a service says is wrong is usually there. */
function bodySnippet(body: unknown): string {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS)}…` : text;
}

export function responseStepError(output: HttpResponseOutput): StepError {
  const { status, statusText } = output;
  const host = new URL(output.url).host;
  const answered = `"${host}" answered ${status}${statusText ? ` ${statusText}` : ""}`;
  const details = { status, url: output.url, body: bodySnippet(output.body) };
  const waitMs = retryAfterMs(output.headers["retry-after"]);
  const retryIn = waitMs !== undefined ? ` in ${Math.ceil(waitMs / 1000)} s` : "";
  if (status === 429) {
    return new StepError(`${answered}: its rate limit was reached; the step will be retried${retryIn}.`, {
      code: "rate_limited",
      retryable: true,
      retryAfterMs: waitMs,
      details,
    });
  }
  if (status >= 500) {
    return new StepError(`${answered}; the step will be retried${retryIn}.`, {
      code: "http_unavailable",
      retryable: true,
      retryAfterMs: waitMs,
      details,
    });
  }
  return new StepError(
    `${answered}. Turn on "Continue on error" to go on with the answer as the step's result instead.`,
    { code: "http_rejected", details },
  );
}
