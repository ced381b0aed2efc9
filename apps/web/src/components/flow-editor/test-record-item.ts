import type { TestRecordView } from "@ledgerflow/runtime";

/** A record a test created, as the editor's "Records your tests created" lists it (dates as ISO text). */
export type TestRecordItem = Omit<TestRecordView, "createdAt" | "cleanedAt"> & {
  createdAt: string;
  cleanedAt: string | null;
};

/** The runtime's records, ready for the browser: the page and the server actions answer the same shape. */
export function toTestRecordItems(records: TestRecordView[]): TestRecordItem[] {
  return records.map((record) => ({
    ...record,
    createdAt: record.createdAt.toISOString(),
    cleanedAt: record.cleanedAt?.toISOString() ?? null,
  }));
}
