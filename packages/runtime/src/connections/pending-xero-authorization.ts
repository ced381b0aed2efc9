import { redisKey, sharedRedis } from "@ledgerflow/queue";
import { z } from "zod";

// Between "+ Add an account" and Xero's callback we remember the OAuth checks (state, PKCE verifier,
// nonce) in Redis, bound to the user and workspace that started it. GETDEL makes each state usable
// once; the TTL bounds how long a consent may take.
const PENDING_TTL_SECONDS = 10 * 60;

const pendingSchema = z.object({
  state: z.string(),
  codeVerifier: z.string(),
  nonce: z.string(),
  userId: z.string(),
  workspaceId: z.string(),
});

export type PendingXeroAuthorization = z.infer<typeof pendingSchema>;

function pendingKey(state: string): string {
  return redisKey("oauth", "xero", "pending", state);
}

export async function savePendingXeroAuthorization(pending: PendingXeroAuthorization): Promise<void> {
  await sharedRedis().set(pendingKey(pending.state), JSON.stringify(pending), "EX", PENDING_TTL_SECONDS);
}

/** The pending authorization for `state`, removed in the same step; null if unknown, used or expired. */
export async function takePendingXeroAuthorization(state: string): Promise<PendingXeroAuthorization | null> {
  const stored = await sharedRedis().getdel(pendingKey(state));
  if (!stored) return null;
  const parsed = pendingSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
}
