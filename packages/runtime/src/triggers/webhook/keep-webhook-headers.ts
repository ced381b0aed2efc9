import { SIGNATURE_HEADERS } from "./verify-webhook-signature";

// Request headers that are credentials, signatures or transport noise: never stored with a run.
const DROPPED_HEADERS = new Set([
  "authorization",
  "cookie",
  "proxy-authorization",
  ...SIGNATURE_HEADERS,
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "host",
]);

/**
 * The request headers worth keeping with a webhook event (names lower-cased, as `headers` has
 * them). `signatureHeader` is the flow's own (a generic scheme may use any name).
 */
export function keepWebhookHeaders(
  headers: ReadonlyMap<string, string>,
  signatureHeader: string,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of headers) {
    if (!DROPPED_HEADERS.has(key) && key !== signatureHeader && !key.startsWith("x-forwarded-")) kept[key] = value;
  }
  return kept;
}
