import { createHmac, timingSafeEqual } from "node:crypto";
import { SIGNATURE_TOLERANCE_SECONDS, type SignatureScheme, signatureHeaderOf } from "@ledgerflow/engine";

// Webhook signatures (docs/ARCHITECTURE.md §7): HMACs of the raw body with the flow's secret, in the format of
// the sender the flow chose. node's crypto computes every HMAC; comparisons are constant-time.

/** Headers that carry a signature, whichever scheme a flow uses: never stored with a run. */
export const SIGNATURE_HEADERS = [
  "x-ledgerflow-signature",
  "x-shopify-hmac-sha256",
  "stripe-signature",
  "x-hub-signature",
  "x-hub-signature-256",
];

export type SignatureCheck = { ok: true } | { ok: false; message: string };

const hmac = (algorithm: string, secret: string, ...parts: (Buffer | string)[]) => {
  const mac = createHmac(algorithm, secret);
  for (const part of parts) mac.update(part);
  return mac;
};

/** The plain form of our header: `sha256=` + hex HMAC-SHA256 of the raw body (no timestamp, so a captured request replays). */
export function signWebhookBody(secret: string, rawBody: Buffer | string): string {
  return `sha256=${hmac("sha256", secret, rawBody).digest("hex")}`;
}

/** Constant-time string comparison; a length difference (public anyway) answers false at once. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks a request's signature in `signature`'s format. `headers` has lower-cased names; `now` is
 * in unix seconds. Messages name the header the sender must send.
 */
export function verifyWebhookSignature(
  signature: SignatureScheme,
  secret: string,
  rawBody: Buffer,
  headers: ReadonlyMap<string, string>,
  now: number,
): SignatureCheck {
  const header = signatureHeaderOf(signature);
  const value = headers.get(header.toLowerCase())?.trim();
  const mismatch: SignatureCheck = {
    ok: false,
    message: `The ${header} header is missing or does not match the body.`,
  };
  if (!value) return mismatch;
  switch (signature.scheme) {
    case "ledgerflow":
      // Senders that can sign a timestamp get replay protection; the plain form stays for those that cannot.
      return value.startsWith("t=")
        ? checkTimestamped(header, secret, rawBody, value, now)
        : sameText(value.toLowerCase(), signWebhookBody(secret, rawBody))
          ? { ok: true }
          : mismatch;
    case "stripe":
      return checkTimestamped(header, secret, rawBody, value, now);
    case "shopify":
      return sameText(value, hmac("sha256", secret, rawBody).digest("base64")) ? { ok: true } : mismatch;
    case "github":
      return sameText(value.toLowerCase(), signWebhookBody(secret, rawBody)) ? { ok: true } : mismatch;
    case "generic": {
      const digest = hmac(signature.algorithm, secret, rawBody).digest(signature.encoding);
      if (!value.startsWith(signature.prefix)) return mismatch;
      const given = value.slice(signature.prefix.length);
      // Hex is case-insensitive; base64 is not.
      return sameText(signature.encoding === "hex" ? given.toLowerCase() : given, digest) ? { ok: true } : mismatch;
    }
  }
}

/** `t=<unix seconds>,v1=<hex>[,v1=<hex>…]` (other keys, such as Stripe's v0, are ignored). */
function checkTimestamped(header: string, secret: string, rawBody: Buffer, value: string, now: number): SignatureCheck {
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of value.split(",")) {
    const [key, ...rest] = part.trim().split("=");
    const item = rest.join("=");
    if (key === "t" && /^\d{1,12}$/.test(item)) timestamp = Number(item);
    if (key === "v1") candidates.push(item.toLowerCase());
  }
  if (timestamp === undefined || candidates.length === 0) {
    return { ok: false, message: `The ${header} header must look like t=<unix seconds>,v1=<hex signature>.` };
  }
  const expected = hmac("sha256", secret, `${timestamp}.`, rawBody).digest("hex");
  // Every candidate is compared, so the time taken does not reveal which one matched.
  const matched = candidates.map((candidate) => sameText(candidate, expected)).includes(true);
  if (!matched) return { ok: false, message: `The ${header} header is missing or does not match the body.` };
  if (Math.abs(now - timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
    return {
      ok: false,
      message: `The ${header} timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS / 60} minutes from our clock: sign each request when you send it (and check the sender's clock).`,
    };
  }
  return { ok: true };
}
