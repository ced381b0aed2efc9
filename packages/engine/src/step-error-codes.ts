// The closed set of StepError codes (docs/ARCHITECTURE.md, "Step errors"), each with its meaning:
// one word per meaning, so the runtime, the editor and the run history can tell failures apart by
// `code` alone. `StepError.retryable` is set where the error is made; the parentheses say what it
// is for each code. Add a code here, with its meaning, before using it.
export const STEP_ERROR_CODES = {
  invalid_input: "The step's input is missing or not valid, including no connection chosen (not retried).",
  unknown_action: "The flow names an action the catalog no longer has (not retried).",
  unknown_step: "The Test button named a step the flow does not have (not retried).",
  cleanup_refused: "A record a test created cannot be cleaned up, e.g. a paid invoice cannot be voided (not retried).",
  not_found: "A search step found nothing matching (not retried).",
  connection_not_found: "The step's connection does not exist in the workspace (not retried).",
  connection_needs_reconnect: "The connection was disconnected or its grant refused: reconnect it (not retried).",
  connection_tokens_unreadable: "The connection's tokens cannot be decrypted with the vault's keys (not retried).",
  xero_token_refreshing: "Another worker is renewing the connection's tokens (retried).",
  xero_token_refresh_failed: "Xero did not renew the tokens this time: network or 5xx (retried).",
  xero_unauthorized: "Xero refused the access token, 401 (not retried: reconnect).",
  xero_forbidden: "Xero refused the call, 403: a missing scope or no access to the organisation (not retried).",
  xero_not_found: "Xero found nothing for what the step refers to, 404 (not retried).",
  xero_validation: "Xero refused the data, 400 with validation messages (not retried).",
  xero_rejected: "Xero refused the call with another 4xx (not retried).",
  xero_request_invalid: "xero-node refused to make the call: a bug in the action (not retried).",
  xero_timeout: "Xero did not answer within the timeout (retried).",
  xero_network: "Xero could not be reached (retried).",
  xero_unavailable: "Xero answered 5xx (retried).",
  http_address_refused:
    "An HTTP step's URL (or a redirect) resolves to a loopback, private, link-local or reserved address and HTTP_ALLOW_PRIVATE_NETWORKS is not set (not retried).",
  http_rejected: "The web service answered an HTTP step with a 4xx other than 429, or an unfollowed 3xx (not retried).",
  http_redirects: "An HTTP step was redirected more than 5 times, or to a URL that is not http(s) (not retried).",
  http_response_too_large: "The web service's answer to an HTTP step is larger than the 5 MB cap (not retried).",
  http_timeout: "The web service did not answer an HTTP step within its timeout (retried).",
  http_network:
    "The web service of an HTTP step could not be reached: connection refused or reset, DNS failing (retried).",
  http_unavailable: "The web service answered an HTTP step with 5xx (retried).",
  rate_limited: "The remote service's own rate limit, 429: retried after `retryAfterMs` without spending an attempt.",
  unavailable: "Our own database or queue failed during the step (retried).",
  aborted: "The run was stopped during the step (lease lost, shutdown); it is tried again.",
  internal: "An unexpected failure, a bug: a generic message, the cause kept for the server log (not retried).",
} as const;

export type StepErrorCode = keyof typeof STEP_ERROR_CODES;

/**
 * Codes that older versions stored with the meaning of a current one. Run history shows stored
 * StepRun errors as they were written, so a reader maps them before showing or comparing.
 */
const RENAMED_CODES: Readonly<Record<string, StepErrorCode>> = {
  no_connection: "invalid_input",
  cancelled: "aborted",
};

/** The current code for a stored one; codes this version does not know are returned as stored. */
export function currentStepErrorCode(stored: string): string {
  return Object.hasOwn(RENAMED_CODES, stored) ? (RENAMED_CODES[stored] as StepErrorCode) : stored;
}
