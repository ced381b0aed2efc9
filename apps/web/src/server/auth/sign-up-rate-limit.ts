import { redisKey, sharedRedis } from "@ledgerflow/queue";
import { RateLimitedError } from "@ledgerflow/runtime";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { plural } from "../../components/plural";

// Every sign-up attempt that passes validation spends one point per address and one of the whole
// install's: creating accounts in bulk (or probing addresses through the sign-up form) stays slow
// from one place and from many. The numbers leave room for a team signing up together.
const WINDOW_SECONDS = 60 * 60;
export const MAX_SIGN_UPS_PER_IP = 30;
export const MAX_SIGN_UPS = 100;

let limiters: { ip: RateLimiterRedis; all: RateLimiterRedis } | undefined;

function signUpLimiters() {
  const limiter = (name: string, points: number) =>
    new RateLimiterRedis({
      storeClient: sharedRedis(),
      keyPrefix: redisKey("auth", "sign-ups", name),
      points,
      duration: WINDOW_SECONDS,
    });
  limiters ??= { ip: limiter("ip", MAX_SIGN_UPS_PER_IP), all: limiter("all", MAX_SIGN_UPS) };
  return limiters;
}

/** Spends this attempt's points, or throws RateLimitedError when the address or the install is over. */
export async function consumeSignUpAttempt(ip: string): Promise<void> {
  const { ip: byIp, all } = signUpLimiters();
  let scope = "from your network";
  try {
    await byIp.consume(ip);
    scope = "on this Ledgerflow";
    await all.consume("all");
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const retryAfterSeconds = Math.ceil(error.msBeforeNext / 1000);
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    throw new RateLimitedError(
      `Too many accounts were created ${scope} in the last hour. Try again in ${plural(minutes, "minute")}.`,
      retryAfterSeconds,
    );
  }
}
