import { createHash } from "node:crypto";

/** A stored answer, replayed for a repeated Idempotency-Key. */
export interface RememberedResponse {
  status: number;
  body: unknown;
}

export type IdempotencyLookup =
  | { kind: "new" }
  | { kind: "replay"; response: RememberedResponse }
  | { kind: "mismatch" }
  | { kind: "in-progress" };

interface Entry {
  fingerprint: string;
  response?: RememberedResponse;
  expiresAt: number;
}

/** How long Xero honours a key. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;

/** The request a key stands for: method, path with query, and body. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest("hex");
}

/**
 * Xero's Idempotency-Key for writes, per app and tenant: the same key with the same request gets
 * the first response and creates nothing new; the same key with a different request is refused.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  begin(scope: string, key: string, fingerprint: string, now = Date.now()): IdempotencyLookup {
    const id = `${scope}\n${key}`;
    const entry = this.entries.get(id);
    if (entry && entry.expiresAt > now) {
      if (entry.fingerprint !== fingerprint) return { kind: "mismatch" };
      return entry.response ? { kind: "replay", response: entry.response } : { kind: "in-progress" };
    }
    this.entries.set(id, { fingerprint, expiresAt: now + KEY_LIFETIME_MS });
    return { kind: "new" };
  }

  /** Keeps the answer to replay; answers that a retry should not see again (5xx, 429) release the key instead. */
  finish(scope: string, key: string, response: RememberedResponse): void {
    const id = `${scope}\n${key}`;
    const entry = this.entries.get(id);
    if (!entry) return;
    if (response.status >= 500 || response.status === 429) this.entries.delete(id);
    else entry.response = response;
  }

  /** Forgets every key, or those whose scope starts with `scopePrefix` (e.g. one tenant's). */
  clear(scopePrefix?: string): void {
    if (!scopePrefix) this.entries.clear();
    else for (const id of this.entries.keys()) if (id.startsWith(scopePrefix)) this.entries.delete(id);
  }
}
