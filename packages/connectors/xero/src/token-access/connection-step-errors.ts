import { StepError } from "@ledgerflow/engine";

// The ways a connection can fail to yield a usable Xero client, as step errors the worker records
// on the run and the editor shows. Messages name the organisation, never a token.

export function connectionNotFoundError(): StepError {
  return new StepError("This Xero connection does not exist in this workspace.", { code: "connection_not_found" });
}

export function reconnectRequiredError(organisationName: string, why: string): StepError {
  return new StepError(`${why} Reconnect the Xero connection "${organisationName}" on the Connections page.`, {
    code: "connection_needs_reconnect",
  });
}

export function unreadableTokensError(vaultMessage: string, cause: unknown): StepError {
  return new StepError(`${vaultMessage} Reconnect the Xero connection, or restore its key in VAULT_KEYS.`, {
    code: "connection_tokens_unreadable",
    cause,
  });
}

export function refreshInProgressError(organisationName: string, cause: unknown): StepError {
  return new StepError(
    `The Xero tokens of "${organisationName}" are being renewed elsewhere; the step will be retried.`,
    {
      code: "xero_token_refreshing",
      retryable: true,
      cause,
    },
  );
}

export function refreshFailedError(organisationName: string, cause: unknown): StepError {
  return new StepError(`Xero did not renew the tokens of "${organisationName}" this time; the step will be retried.`, {
    code: "xero_token_refresh_failed",
    retryable: true,
    cause,
  });
}
