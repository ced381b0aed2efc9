import { redisKey, sharedRedis } from "@ledgerflow/queue";
import { RateLimitedError } from "@ledgerflow/runtime";
import { RateLimiterRedis } from "rate-limiter-flexible";

// Failed sign-ins are counted per email (guessing one account's password) and per IP (trying many
// accounts from one place). Successful sign-ins reset the email's count.
const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

let limiters: { email: RateLimiterRedis; ip: RateLimiterRedis } | undefined;

function signInLimiters() {
  limiters ??= {
    email: new RateLimiterRedis({
      storeClient: sharedRedis(),
      keyPrefix: redisKey("auth", "signin-failures", "email"),
      points: MAX_FAILURES_PER_EMAIL,
      duration: WINDOW_SECONDS,
    }),
    ip: new RateLimiterRedis({
      storeClient: sharedRedis(),
      keyPrefix: redisKey("auth", "signin-failures", "ip"),
      points: MAX_FAILURES_PER_IP,
      duration: WINDOW_SECONDS,
    }),
  };
  return limiters;
}

/** Throws RateLimitedError when this email or IP has failed too often recently. */
export async function assertSignInAllowed(email: string, ip: string): Promise<void> {
  const { email: byEmail, ip: byIp } = signInLimiters();
  const [emailState, ipState] = await Promise.all([byEmail.get(email), byIp.get(ip)]);
  const blocked = [
    { state: emailState, max: MAX_FAILURES_PER_EMAIL },
    { state: ipState, max: MAX_FAILURES_PER_IP },
  ].filter(({ state, max }) => state && state.consumedPoints >= max);
  if (blocked.length === 0) return;
  const retryAfterSeconds = Math.ceil(Math.max(...blocked.map(({ state }) => state?.msBeforeNext ?? 0)) / 1000);
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  throw new RateLimitedError(
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    retryAfterSeconds,
  );
}

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  const { email: byEmail, ip: byIp } = signInLimiters();
  await Promise.all([byEmail.penalty(email), byIp.penalty(ip)]);
}

export async function recordSuccessfulSignIn(email: string): Promise<void> {
  await signInLimiters().email.delete(email);
}
