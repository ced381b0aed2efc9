import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Whether `signature` (the `x-xero-signature` header) is the base64 HMAC-SHA256 of the exact body
 * bytes keyed with the app's webhook key. The header's text is compared with the expected base64
 * text, not decoded: Node's base64 decoder ignores what follows the padding and characters outside
 * the alphabet, so decoding would accept altered headers. Constant-time: timingSafeEqual on
 * equal-length buffers, and a header of another length is refused without comparing. No key, no
 * header: false.
 */
export function verifyXeroSignature(
  rawBody: Buffer,
  signature: string | null | undefined,
  key: string | null | undefined,
): boolean {
  if (!key || !signature) return false;
  const expected = Buffer.from(createHmac("sha256", key).update(rawBody).digest("base64"), "utf8");
  const given = Buffer.from(signature, "utf8");
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
