import { type PolledRecord, type PollResult, StepError } from "@ledgerflow/engine";
import type { XeroClientContext } from "../../xero-client-context";
import { withoutNoise } from "../../xero-records";
import { readXeroPages } from "./read-xero-pages";
import { parseXeroDate } from "./xero-date";
import type { XeroListResource } from "./xero-list-resources";

export interface PollXeroListArgs {
  client: XeroClientContext;
  resource: XeroListResource;
  /** Records changed at or after this time (ISO 8601). */
  since: string;
  where?: string;
  signal?: AbortSignal;
}

/**
 * What to send as If-Modified-Since for a cursor: Xero reads the header to the second, and answers
 * only records changed after it, so a record changed at the cursor itself must be asked for from
 * the second before. The few records this re-reads before the cursor are left out below.
 */
function askFrom(cursor: Date): Date {
  return new Date(Math.floor(cursor.getTime() / 1000) * 1000 - 1000);
}

/**
 * The records of one Xero list changed since a time, oldest first: If-Modified-Since, ordered by
 * UpdatedDateUTC ascending, paged (read-xero-pages.ts). Each version of a record (its id and
 * UpdatedDateUTC) is one PolledRecord, however many pages show it. A poll that finds nothing is one
 * call. The next cursor is the newest change read; records at that very time are asked for again
 * next time, and the runtime knows them by their key.
 */
export async function pollXeroList({ client, resource, since, where, signal }: PollXeroListArgs): Promise<PollResult> {
  const from = new Date(since);
  if (Number.isNaN(from.getTime())) {
    throw new StepError(`The poll's cursor "${since}" is not a time.`, { code: "internal" });
  }
  const { records } = await readXeroPages(
    client,
    resource,
    { since: askFrom(from), where, order: "UpdatedDateUTC ASC" },
    signal,
  );
  const found = new Map<string, PolledRecord>();
  let newest = from;
  for (const raw of records) {
    const changedAt = parseXeroDate(raw.UpdatedDateUTC);
    const id = raw[resource.idField];
    // Before the cursor: read by an earlier poll (or, at switch-on, changed before the flow polled).
    if (!changedAt || typeof id !== "string" || changedAt < from) continue;
    const recordKey = `${resource.category}:${id}`;
    const key = `${recordKey}:${changedAt.getTime()}`;
    const record = withoutNoise(raw);
    const state = Object.fromEntries(resource.stateFields.map((name) => [name, record[name] ?? null]));
    found.set(key, { key, recordKey, changedAt: changedAt.toISOString(), record, state });
    if (changedAt > newest) newest = changedAt;
  }
  const ordered = [...found.values()].sort((a, b) => a.changedAt.localeCompare(b.changedAt));
  return { records: ordered, cursor: { since: newest.toISOString() } };
}
