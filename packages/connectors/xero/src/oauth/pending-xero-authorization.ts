import { redisKey, sharedRedis } from "@ledgerflow/queue";
import { z } from "zod";

// Between "+ Add an account" and Xero's callback we remember the OAuth checks (state, PKCE verifier,
// nonce) in Redis, under a key naming the user who started it. A callback can only read the key of
// the user presenting it, so someone else's sign-in never sees (or spends) the state; GETDEL makes
// it usable once by its owner. The TTL bounds how long a consent may take.
const PENDING_TTL_SECONDS = 10 * 60;

const pendingSchema = z.object({
  state: z.string(),
  codeVerifier: z.string(),
  nonce: z.string(),
  userId: z.string(),
  workspaceId: z.string(),
});

export type PendingXeroAuthorization = z.infer<typeof pendingSchema>;

export function pendingXeroAuthorizationKey(userId: string, state: string): string {
  return redisKey("oauth", "xero", "pending", userId, state);
}

export async function savePendingXeroAuthorization(pending: PendingXeroAuthorization): Promise<void> {
  const key = pendingXeroAuthorizationKey(pending.userId, pending.state);
  await sharedRedis().set(key, JSON.stringify(pending), "EX", PENDING_TTL_SECONDS);
}

/**
 * The user's pending authorization for `state`, removed in the same step; null if unknown, used,
 * expired or started by another user (whose pending authorization stays untouched).
 */
export async function takePendingXeroAuthorization({
  userId,
  state,
}: {
  userId: string;
  state: string;
}): Promise<PendingXeroAuthorization | null> {
  const stored = await sharedRedis().getdel(pendingXeroAuthorizationKey(userId, state));
  if (!stored) return null;
  const parsed = pendingSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
}
