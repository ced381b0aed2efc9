// A request with its redirects, as the step makes it: every hop's host resolved and checked
// (resolve-target.ts) before it is connected to, at most `maxRedirects` hops, http and https only,
// and one deadline over the lot. Failures come out as StepErrors the runtime knows how to retry.
import { StepError } from "@ledgerflow/engine";
import { resolveTarget } from "./resolve-target";
import { isRedirect, type RawResponse, ResponseTooLargeError, sendOnce } from "./send-once";

export interface PlannedRequest {
  url: URL;
  method: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: Buffer;
  /** Headers of the connection's credentials (an API key's own header): dropped on a redirect elsewhere too. */
  credentialHeaders?: readonly string[];
}

export interface ExchangeOptions {
  allowPrivate: boolean;
  /** Addresses allowed even when private networks are not (a test's own server on 127.0.0.1). */
  allowedAddresses?: ReadonlySet<string>;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** The run's own signal: the run was stopped (lease lost, shutdown). */
  signal: AbortSignal;
}

export interface Exchange {
  response: RawResponse;
  /** Where the answer came from, after redirects. */
  url: URL;
}

const ALLOWED_SCHEMES = new Set(["http:", "https:"]);
/** Not sent on to another origin: a redirect must not carry the caller's credentials elsewhere. */
const CREDENTIAL_HEADERS = ["authorization", "cookie", "proxy-authorization"];

class DeadlinePassed extends Error {}

export const formatBytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export async function exchange(request: PlannedRequest, options: ExchangeOptions): Promise<Exchange> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DeadlinePassed()), options.timeoutMs);
  const signal = AbortSignal.any([options.signal, deadline.signal]);
  let current = request;
  try {
    for (let hop = 0; ; hop++) {
      const what = hop === 0 ? "" : "The redirect to ";
      const addresses = await untilAborted(
        resolveTarget(current.url, {
          allowPrivate: options.allowPrivate,
          allowedAddresses: options.allowedAddresses,
          what,
          signal,
        }),
        signal,
      );
      const response = await sendOnce({ ...current, addresses, maxBytes: options.maxBytes, signal });
      if (!isRedirect(response.status, response.headers)) return { response, url: current.url };
      if (hop >= options.maxRedirects) {
        throw new StepError(
          `"${request.url.href}" redirected more than ${options.maxRedirects} times (last to "${current.url.href}").`,
          { code: "http_redirects", details: { url: request.url.href, last: current.url.href } },
        );
      }
      current = nextHop(current, response);
    }
  } catch (error) {
    throw asStepError(error, current.url, { timedOut: deadline.signal.aborted, options });
  } finally {
    clearTimeout(timer);
  }
}

/** The request the redirect asks for, as browsers make it (303, and 301/302 after a POST, become a GET). */
function nextHop(from: PlannedRequest, response: RawResponse): PlannedRequest {
  const location = response.headers.location ?? "";
  let url: URL;
  try {
    url = new URL(location, from.url);
  } catch {
    throw new StepError(`"${from.url.href}" redirected to "${location}", which is not a URL.`, {
      code: "http_redirects",
      details: { url: from.url.href, location },
    });
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) {
    throw new StepError(`"${from.url.href}" redirected to "${url.href}": only http and https URLs are followed.`, {
      code: "http_redirects",
      details: { url: from.url.href, location: url.href },
    });
  }
  const headers = { ...from.headers };
  let { method, body } = from;
  const becomesGet =
    (response.status === 303 && method !== "HEAD") ||
    ((response.status === 301 || response.status === 302) && method === "POST");
  if (becomesGet) {
    method = "GET";
    body = undefined;
    delete headers["content-type"];
    delete headers["content-length"];
  }
  if (url.origin !== from.url.origin) {
    for (const name of [...CREDENTIAL_HEADERS, ...(from.credentialHeaders ?? [])]) delete headers[name];
  }
  return { url, method, headers, ...(body ? { body } : {}), credentialHeaders: from.credentialHeaders };
}

/** DNS lookups cannot be cancelled: the deadline and the run's stop end the wait for one instead. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function asStepError(error: unknown, url: URL, context: { timedOut: boolean; options: ExchangeOptions }): StepError {
  if (error instanceof StepError) return error;
  const details = { url: url.href };
  if (error instanceof ResponseTooLargeError) {
    return new StepError(
      `The answer from "${url.host}" is larger than ${formatBytes(error.maxBytes)}, the most an HTTP step reads.`,
      { code: "http_response_too_large", details: { ...details, maxBytes: error.maxBytes } },
    );
  }
  if (context.options.signal.aborted) {
    return new StepError("The run was stopped while the HTTP request was being made; it will be tried again.", {
      code: "aborted",
      retryable: true,
      details,
      cause: error,
    });
  }
  if (context.timedOut) {
    return new StepError(
      `"${url.href}" did not answer within ${context.options.timeoutMs / 1000} s; the step will be retried.`,
      { code: "http_timeout", retryable: true, details: { ...details, timeoutMs: context.options.timeoutMs } },
    );
  }
  const code = (error as { code?: unknown }).code;
  const reason = typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
  return new StepError(`Could not reach "${url.host}" (${reason}); the step will be retried.`, {
    code: "http_network",
    retryable: true,
    details: { ...details, reason },
    cause: error,
  });
}
