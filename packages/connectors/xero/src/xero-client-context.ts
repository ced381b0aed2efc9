import { AsyncLocalStorage } from "node:async_hooks";
import type { AccountingApi } from "xero-node";

/** Xero answers most calls in well under a second; a call still open after this is treated as lost. */
export const DEFAULT_XERO_TIMEOUT_MS = 30_000;

/**
 * What every catalog entry and option loader receives as its client (the engine's `TClient`): an
 * authorised AccountingApi for one connection and the organisation (tenant) the calls act on.
 */
export interface XeroClientContext {
  accounting: AccountingApi;
  tenantId: string;
  /** Upper bound for one Xero call, in ms. */
  timeoutMs: number;
  /**
   * Asked when Xero answers 401: true when the token-access layer is refreshing the connection's
   * tokens right now, which makes the 401 worth a retry instead of a "reconnect" failure.
   */
  isTokenRefreshInProgress?: () => Promise<boolean>;
  /**
   * Takes a rate-limit slot before each call and returns its release (the worker's Redis limiter,
   * so that every process together stays within Xero's limits). Throws when no slot is free.
   */
  acquireCallSlot?: () => Promise<() => Promise<void>>;
}

/**
 * The abort signal of the Xero call in progress. xero-node passes no per-call axios options, but it
 * hands every request to the API's default `Authentication` just before sending it; the one
 * installed below reads the current call's signal from here, so the HTTP request itself is
 * cancelled on timeout (not just abandoned) even when calls on one AccountingApi overlap.
 */
export const currentCallSignal = new AsyncLocalStorage<AbortSignal>();

export function createXeroClientContext(options: {
  accounting: AccountingApi;
  tenantId: string;
  timeoutMs?: number;
  isTokenRefreshInProgress?: () => Promise<boolean>;
}): XeroClientContext {
  const timeoutMs = options.timeoutMs ?? DEFAULT_XERO_TIMEOUT_MS;
  options.accounting.setDefaultAuthentication({
    applyToRequest(requestOptions) {
      requestOptions.timeout = timeoutMs;
      const signal = currentCallSignal.getStore();
      if (signal) requestOptions.signal = signal;
    },
  });
  return {
    accounting: options.accounting,
    tenantId: options.tenantId,
    timeoutMs,
    isTokenRefreshInProgress: options.isTokenRefreshInProgress,
  };
}
