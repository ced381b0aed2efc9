import { CallDeferredError } from "@ledgerflow/engine";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { callXero } from "../../call-xero";
import { startTestSandbox, type TestSandbox, uniqueName } from "../../testing/test-sandbox";
import type { XeroClientContext } from "../../xero-client-context";
import { recordsOf, type XeroRecord } from "../../xero-records";
import { pollXeroList } from "./poll-xero-list";
import { parseXeroDate } from "./xero-date";
import { xeroListResources } from "./xero-list-resources";

// How a poll reads one Xero list, over HTTP against the sandbox through the real xero-node:
// If-Modified-Since from the cursor, oldest first, paged, one call when nothing changed, and a
// rate limit that leaves the cursor where it was. Each test's contacts share a name prefix, which
// `where` narrows the list to, so the tests of this file do not see each other's records.

const contacts = xeroListResources.CONTACT;

let sandbox: TestSandbox;
let client: XeroClientContext;
/** Xero calls made since the test began, counted by the call-slot hook every call passes. */
let calls = 0;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const plain = await sandbox.client();
  client = {
    ...plain,
    acquireCallSlot: async () => {
      calls++;
      return async () => {};
    },
  };
});
afterEach(async () => {
  calls = 0;
  await sandbox.admin("accounting/faults", undefined, "DELETE");
});
afterAll(() => sandbox?.close());

/** The newest UpdatedDateUTC this file's writes got. */
let latestStamp = 0;

function stamped(records: XeroRecord[]): XeroRecord[] {
  for (const record of records) latestStamp = Math.max(latestStamp, parseXeroDate(record.UpdatedDateUTC)!.getTime());
  return records;
}

async function createContacts(names: string[]): Promise<XeroRecord[]> {
  const body = await callXero(
    client,
    (api) => api.createContacts(client.tenantId, { contacts: names.map((name) => ({ name })) }),
    { operation: "create the test contacts" },
  );
  return stamped(recordsOf(body, "Contacts"));
}

async function editContact(contact: XeroRecord, emailAddress: string): Promise<XeroRecord> {
  const body = await callXero(
    client,
    (api) => api.updateContact(client.tenantId, String(contact.ContactID), { contacts: [{ emailAddress }] }),
    { operation: "edit the test contact" },
  );
  return stamped(recordsOf(body, "Contacts"))[0]!;
}

const changedAt = (record: XeroRecord) => parseXeroDate(record.UpdatedDateUTC)!.toISOString();
const keyOf = (record: XeroRecord) => `CONTACT:${record.ContactID}:${parseXeroDate(record.UpdatedDateUTC)!.getTime()}`;

/**
 * A cursor later than every change so far. The sandbox stamps each change at least 1 ms after the
 * one before, so a batch of 150 writes runs its stamps ahead of the clock.
 */
function cursorNow(): string {
  return new Date(Math.max(Date.now(), latestStamp + 1)).toISOString();
}

const poll = (prefix: string, since: string) =>
  pollXeroList({ client, resource: contacts, since, where: `Name.StartsWith("${prefix}")` });

describe("pollXeroList", () => {
  it("returns only the changes after the cursor, oldest first, keyed by record and change, and moves the cursor to the newest", async () => {
    const prefix = uniqueName("Cursor");
    const [before] = await createContacts([`${prefix} before`]);
    const since = cursorNow();
    const [first, second] = await createContacts([`${prefix} first`, `${prefix} second`]);
    const edited = await editContact(before!, "before@example.com");

    const result = await poll(prefix, since);

    expect(result.records.map((polled) => polled.record.Name)).toEqual([
      `${prefix} first`,
      `${prefix} second`,
      `${prefix} before`,
    ]);
    expect(result.records.map((polled) => polled.key)).toEqual([first!, second!, edited].map(keyOf));
    expect(result.records[2]).toMatchObject({
      recordKey: `CONTACT:${before!.ContactID}`,
      changedAt: changedAt(edited),
      state: { ContactStatus: "ACTIVE" },
      record: { EmailAddress: "before@example.com" },
    });
    expect(result.cursor.since).toBe(changedAt(edited));
    // The same changes read again carry the same keys: the runtime runs a flow once per key.
    expect((await poll(prefix, since)).records.map((polled) => polled.key)).toEqual(
      result.records.map((polled) => polled.key),
    );
  });

  it("returns a record changed at exactly the cursor again, with the same key, and nothing older", async () => {
    const prefix = uniqueName("Boundary");
    await createContacts([`${prefix} older`]);
    const [last] = await createContacts([`${prefix} last`]);
    const first = await poll(prefix, changedAt(last!));
    expect(first.records.map((polled) => polled.key)).toEqual([keyOf(last!)]);
    expect(first.cursor.since).toBe(changedAt(last!));
    const again = await poll(prefix, first.cursor.since);
    expect(again.records.map((polled) => polled.key)).toEqual([keyOf(last!)]);
  });

  it("reads past Xero's 100-record pages, in order, one call a page", async () => {
    const prefix = uniqueName("Paging");
    const since = cursorNow();
    const names = Array.from({ length: 150 }, (_, i) => `${prefix} ${String(i).padStart(3, "0")}`);
    const created = await createContacts(names);
    calls = 0;

    const result = await poll(prefix, since);

    expect(calls).toBe(2);
    expect(result.records).toHaveLength(150);
    expect(new Set(result.records.map((polled) => polled.key)).size).toBe(150);
    expect(result.records.map((polled) => polled.changedAt)).toEqual(
      result.records.map((polled) => polled.changedAt).sort(),
    );
    expect(result.cursor.since).toBe(changedAt(created.at(-1)!));
  });

  it("costs one call when nothing changed, and keeps the cursor", async () => {
    // Two seconds after the last change: the whole second before the cursor's, which a poll reads
    // again (poll-xero-list.ts), is quiet too.
    const since = new Date(Math.max(Date.now(), latestStamp + 2_000)).toISOString();
    const result = await pollXeroList({ client, resource: contacts, since });
    expect(result).toEqual({ records: [], cursor: { since } });
    expect(calls).toBe(1);
  });

  it("throws Xero's 429 on the first page as a CallDeferredError, so the poll waits with its cursor", async () => {
    await sandbox.admin("accounting/faults", { tenantId: client.tenantId, failNext: 1, failStatus: 429 });
    const error = await poll("anything", cursorNow()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CallDeferredError);
    // The sandbox's 429 says Retry-After: 1.
    expect(error).toMatchObject({ retryInMs: 1_000 });
  });

  it("keeps the pages read before a rate limit on a later one: the next poll goes on from them", async () => {
    const prefix = uniqueName("Limited");
    const since = cursorNow();
    const created = await createContacts(Array.from({ length: 120 }, (_, i) => `${prefix} ${i}`));
    let seen = 0;
    const limited: XeroClientContext = {
      ...client,
      acquireCallSlot: async () => {
        // Xero answers the second page 429.
        if (++seen === 2)
          await sandbox.admin("accounting/faults", { tenantId: client.tenantId, failNext: 1, failStatus: 429 });
        return async () => {};
      },
    };
    const partial = await pollXeroList({
      client: limited,
      resource: contacts,
      since,
      where: `Name.StartsWith("${prefix}")`,
    });
    expect(partial.records).toHaveLength(100);
    expect(partial.cursor.since).toBe(changedAt(created[99]!));

    const rest = await poll(prefix, partial.cursor.since);
    expect(rest.records.map((polled) => polled.key)).toEqual(created.slice(99).map(keyOf));
  });
});
