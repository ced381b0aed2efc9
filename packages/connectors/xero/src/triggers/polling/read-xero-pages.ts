import { CallDeferredError, StepError } from "@ledgerflow/engine";
import { callXero } from "../../call-xero";
import type { XeroClientContext } from "../../xero-client-context";
import { recordsOf, type XeroRecord } from "../../xero-records";
import { type ListQuery, XERO_PAGE_SIZE, type XeroListResource } from "./xero-list-resources";

/**
 * A poll reads at most this many pages (1,000 records), so that a long backlog (a switch-on that
 * includes 90 days) is read over several polls, within the organisation's 60 calls a minute.
 */
const MAX_PAGES_PER_POLL = 10;

/** When Xero's 429 names no Retry-After: its per-minute window is the usual cause. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

export interface ReadPages {
  /** In Xero's order. */
  records: XeroRecord[];
  /** False when the poll stopped before the last page (the page bound, or a rate limit on a later page). */
  complete: boolean;
}

/**
 * One Xero list, page after page until a short one (an unpaged list is one call). A rate limit on
 * a later page keeps the pages read: the caller's next poll goes on from them. On the first page
 * it is a CallDeferredError (Xero's own 429 included), so the poll waits without moving its cursor.
 */
export async function readXeroPages(
  client: XeroClientContext,
  resource: XeroListResource,
  query: Omit<ListQuery, "page" | "pageSize">,
  signal?: AbortSignal,
): Promise<ReadPages> {
  const records: XeroRecord[] = [];
  for (let page = 1; page <= MAX_PAGES_PER_POLL; page++) {
    let body: Awaited<ReturnType<typeof callXero>>;
    try {
      body = await callXero(
        client,
        (api) => resource.list(api, client.tenantId, { ...query, page: resource.paged ? page : undefined }),
        { operation: `look for new and changed ${resource.noun}s`, signal },
      );
    } catch (error) {
      const deferred = asDeferral(error);
      if (!deferred) throw error;
      if (page > 1) return { records, complete: false };
      throw deferred;
    }
    const found = recordsOf(body, resource.collection);
    records.push(...found);
    if (!resource.paged || found.length < XERO_PAGE_SIZE) return { records, complete: true };
  }
  return { records, complete: false };
}

/** A rate limit as the runtime's wait: ours (the call-slot limiter) as is, Xero's 429 for its Retry-After. */
function asDeferral(error: unknown): CallDeferredError | null {
  if (error instanceof CallDeferredError) return error;
  if (error instanceof StepError && error.code === "rate_limited") {
    return new CallDeferredError("Xero's rate limit", error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS);
  }
  return null;
}
