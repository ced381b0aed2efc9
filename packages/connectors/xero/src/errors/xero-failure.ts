/**
 * A failed Xero call, whatever shape xero-node rejected with. xero-node 20 rejects with
 * `JSON.stringify({ response: { statusCode, body, headers }, body })` when axios throws (every
 * non-2xx answer and every network error), with `{ response: AxiosResponse, body }` for an answer it
 * did not throw on, and with a plain Error for bad arguments.
 */
export interface XeroFailure {
  /** HTTP status; 0 when no answer arrived (network error, cancelled request). */
  status: number;
  /** Xero's body as sent (JSON object, or text such as the 404 page), or the client's error message. */
  body: unknown;
  /** Response headers, lower-cased names. */
  headers: Record<string, string>;
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === "object" && value !== null;

function lowerCaseHeaders(headers: unknown): Record<string, string> {
  if (!isObject(headers)) return {};
  const entries = Object.entries(headers).filter(([, value]) => value !== undefined && value !== null);
  return Object.fromEntries(entries.map(([name, value]) => [name.toLowerCase(), String(value)]));
}

function fromResponseShape(rejection: Loose): XeroFailure | undefined {
  const response = rejection.response;
  if (!isObject(response)) return undefined;
  const status = Number(response.statusCode ?? response.status ?? 0);
  const body = response.body ?? response.data ?? rejection.body;
  return { status: Number.isFinite(status) ? status : 0, body, headers: lowerCaseHeaders(response.headers) };
}

export function parseXeroRejection(rejection: unknown): XeroFailure {
  if (typeof rejection === "string") {
    try {
      const parsed: unknown = JSON.parse(rejection);
      const failure = isObject(parsed) ? fromResponseShape(parsed) : undefined;
      if (failure) return failure;
    } catch {
      // Not JSON: keep the text as the body.
    }
    return { status: 0, body: rejection, headers: {} };
  }
  if (isObject(rejection) && !(rejection instanceof Error)) {
    const failure = fromResponseShape(rejection);
    if (failure) return failure;
  }
  const message = rejection instanceof Error ? rejection.message : String(rejection);
  return { status: 0, body: message, headers: {} };
}
