import { redisKey, sharedRedis } from "@ledgerflow/queue";
import { RateLimitedError } from "@ledgerflow/runtime";
import { RateLimiterRedis, type RateLimiterRes } from "rate-limiter-flexible";
import { plural } from "../../components/plural";

// Failed sign-ins are counted by where they come from (OWASP "device cookies"):
//  - from a browser that signed in to this account before (a valid device cookie): per device, so
//    a stolen cookie buys a few guesses at one account and nothing more;
//  - from anywhere else: per email (guessing one account's password) and per IP (trying many
//    accounts from one place). Anyone can lock an email this way, but only for unknown browsers:
//    the person on their own browser still signs in with the right password.
// A successful sign-in resets the counter it was checked against.
const WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;
export const MAX_FAILURES_PER_DEVICE = 10;

export interface SignInAttempt {
  email: string;
  ip: string;
  /** The device cookie's id when the cookie is valid for this email's account, else null. */
  deviceId: string | null;
}

type LimiterName = "email" | "ip" | "device";

let limiters: Record<LimiterName, RateLimiterRedis> | undefined;

function signInLimiters() {
  const limiter = (name: LimiterName, points: number) =>
    new RateLimiterRedis({
      storeClient: sharedRedis(),
      keyPrefix: redisKey("auth", "signin-failures", name),
      points,
      duration: WINDOW_SECONDS,
    });
  limiters ??= {
    email: limiter("email", MAX_FAILURES_PER_EMAIL),
    ip: limiter("ip", MAX_FAILURES_PER_IP),
    device: limiter("device", MAX_FAILURES_PER_DEVICE),
  };
  return limiters;
}

/** The counters an attempt is checked against: its device's, or its email's and IP's. */
function countersFor({ email, ip, deviceId }: SignInAttempt): { name: LimiterName; key: string; max: number }[] {
  if (deviceId) return [{ name: "device", key: deviceId, max: MAX_FAILURES_PER_DEVICE }];
  return [
    { name: "email", key: email, max: MAX_FAILURES_PER_EMAIL },
    { name: "ip", key: ip, max: MAX_FAILURES_PER_IP },
  ];
}

/** Throws RateLimitedError when this attempt's counters have reached their limit. */
export async function assertSignInAllowed(attempt: SignInAttempt): Promise<void> {
  const all = signInLimiters();
  const counters = countersFor(attempt);
  const states = await Promise.all(counters.map(({ name, key }) => all[name].get(key)));
  const blocked = states.filter(
    (state, index): state is RateLimiterRes => state !== null && state.consumedPoints >= (counters[index]?.max ?? 0),
  );
  if (blocked.length === 0) return;
  const retryAfterSeconds = Math.ceil(Math.max(...blocked.map((state) => state.msBeforeNext)) / 1000);
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait = `Try again in ${plural(minutes, "minute")}`;
  throw new RateLimitedError(
    attempt.deviceId
      ? `Too many failed sign-in attempts from this browser. ${wait}.`
      : `Too many failed sign-in attempts. ${wait}, or sign in from a browser you have signed in with before.`,
    retryAfterSeconds,
  );
}

export async function recordFailedSignIn(attempt: SignInAttempt): Promise<void> {
  const all = signInLimiters();
  await Promise.all(countersFor(attempt).map(({ name, key }) => all[name].penalty(key)));
}

/** Forgets the failures counted for this device, or (from an unknown browser) for this email. */
export async function recordSuccessfulSignIn(attempt: SignInAttempt): Promise<void> {
  const all = signInLimiters();
  await (attempt.deviceId ? all.device.delete(attempt.deviceId) : all.email.delete(attempt.email));
}
