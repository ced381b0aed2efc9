import { expectValidXeroResponse } from "./xero-response-validator";

/** What a test sees of one Accounting call: the HTTP status, the raw JSON (or text) body, headers, and xero-node's model. */
export interface XeroCallResult<T> {
  status: number;
  /** The body as sent on the wire (PascalCase), which is what the spec describes. */
  data: unknown;
  headers: Record<string, string>;
  /** xero-node's deserialised model (successful calls only). */
  body?: T;
}

interface XeroNodeResponse<T> {
  response: { status: number; data: unknown; headers: unknown };
  /** Absent for answers without a body (DELETE's 204). */
  body?: T;
}

function plainHeaders(headers: unknown): Record<string, string> {
  const source = (headers as { toJSON?: () => object })?.toJSON?.() ?? headers ?? {};
  return Object.fromEntries(Object.entries(source).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

/**
 * Awaits a xero-node call, successful or not, and checks its body against Xero's spec for
 * `operationId` (throwing on any mismatch), so no test reads a response the spec would not allow.
 * xero-node rejects with a JSON string `{ response: { statusCode, body, headers } }` on errors.
 */
export async function xeroCall<T>(operationId: string, call: Promise<XeroNodeResponse<T>>): Promise<XeroCallResult<T>> {
  let result: XeroCallResult<T>;
  try {
    const { response, body } = await call;
    result = { status: response.status, data: response.data, headers: plainHeaders(response.headers), body };
  } catch (error) {
    if (typeof error !== "string") throw error;
    const { response } = JSON.parse(error) as { response: { statusCode: number; body: unknown; headers: unknown } };
    if (!response.statusCode) throw new Error(`No HTTP response from the sandbox: ${String(response.body)}`);
    result = { status: response.statusCode, data: response.body, headers: plainHeaders(response.headers) };
  }
  expectValidXeroResponse(operationId, result.status, result.data);
  return result;
}

/** Every validation message in a Xero ValidationException body. */
export function validationMessages(data: unknown): string[] {
  const elements = (data as { Elements?: { ValidationErrors?: { Message: string }[] }[] }).Elements ?? [];
  return elements.flatMap((element) => (element.ValidationErrors ?? []).map((error) => error.Message));
}

/**
 * A GET that xero-node cannot send (e.g. `where` on Quotes, which its getQuotes lacks, or an
 * If-Modified-Since in another form than its ISO one), as raw HTTP with `accessToken` and any
 * extra `headers`, checked against Xero's spec for `operationId` like {@link xeroCall}.
 */
export async function xeroGet(
  operationId: string,
  url: string,
  { accessToken, tenantId, headers }: { accessToken: string; tenantId: string; headers?: Record<string, string> },
): Promise<{ status: number; data: unknown }> {
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${accessToken}`,
      "xero-tenant-id": tenantId,
      accept: "application/json",
      ...headers,
    },
  });
  const text = await response.text();
  const data: unknown = response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
  expectValidXeroResponse(operationId, response.status, data);
  return { status: response.status, data };
}
