"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { TestRecordItem } from "./test-record-item";
import type { TestStaleness } from "./test-staleness";

/**
 * What the editor knows of its steps' tests beyond each sample: which tests are out of date (the
 * step cards and the Test section say so) and the records tests created (a test adds to them).
 * A context, so the step tree and the panel reach it without every component between passing it on.
 */
export interface TestState {
  staleness: ReadonlyMap<string, TestStaleness>;
  /** The titles of the later steps that map each step's output, by its key (who needs its real result). */
  readers: ReadonlyMap<string, string[]>;
  records: TestRecordItem[];
  setRecords: (records: TestRecordItem[]) => void;
}

const TestStateContext = createContext<TestState | null>(null);

export function TestStateProvider({ value, children }: { value: TestState; children: ReactNode }) {
  return <TestStateContext.Provider value={value}>{children}</TestStateContext.Provider>;
}

/** The editor's test state; null outside the editor (a card shown elsewhere says nothing of staleness). */
export function useTestState(): TestState | null {
  return useContext(TestStateContext);
}
