import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { serverEnv } from "@ledgerflow/config";

// OWASP's "device cookies": a successful sign-in leaves a signed cookie naming the user and a random
// device id. A later attempt for that user that carries it comes from a browser the person has
// used, so the email's lockout (which anyone can trigger by failing on purpose) does not apply to
// it; that device has a limit of its own instead (sign-in-rate-limit.ts).

export const DEVICE_COOKIE = "lf_device";
const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

let key: Buffer | null | undefined;

/** A key of its own, derived from NEXTAUTH_SECRET: the session's key never signs anything else. */
function deviceKey(): Buffer | null {
  if (key !== undefined) return key;
  const secret = serverEnv().NEXTAUTH_SECRET;
  key = secret ? Buffer.from(hkdfSync("sha256", secret, "", "ledgerflow device cookie", 32)) : null;
  return key;
}

const sign = (payload: string, signingKey: Buffer) =>
  createHmac("sha256", signingKey).update(payload).digest("base64url");

/** A new device cookie value for the user (`<userId>.<deviceId>.<signature>`); null without a secret. */
export function issueDeviceToken(userId: string): string | null {
  const signingKey = deviceKey();
  if (!signingKey) return null;
  const payload = `${userId}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${sign(payload, signingKey)}`;
}

/** The device id in `token` when the token is ours and was issued to `userId`; otherwise null. */
export function knownDeviceId(token: string | undefined, userId: string | undefined): string | null {
  const signingKey = deviceKey();
  if (!signingKey || !token || !userId) return null;
  const [tokenUserId, deviceId, signature, ...rest] = token.split(".");
  if (rest.length > 0 || !tokenUserId || !deviceId || !signature || tokenUserId !== userId) return null;
  const expected = Buffer.from(sign(`${tokenUserId}.${deviceId}`, signingKey));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}

/** httpOnly (scripts never read it), sent on same-site navigations, `secure` behind HTTPS. */
export function deviceCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: serverEnv().NEXTAUTH_URL.startsWith("https://"),
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  };
}
