import type { OrganisationBooks } from "./ledger-types";
import { toMsDate } from "./xero-dates";

/**
 * The UpdatedDateUTC of a record being changed now: the current millisecond, or one past the
 * organisation's last stamp when that is not earlier. Every change thus gets a later stamp than
 * every change before it, even within one millisecond, so a poller whose cursor is the last
 * UpdatedDateUTC it saw (`If-Modified-Since`, strictly after) never misses nor repeats a change.
 */
export function stampUpdate(books: OrganisationBooks, now = new Date()): string {
  const stamp = Math.max(now.getTime(), (books.lastUpdatedAtMs ?? 0) + 1);
  books.lastUpdatedAtMs = stamp;
  return toMsDate(new Date(stamp));
}
