import { StepError } from "@ledgerflow/engine";
import { expect } from "vitest";

/** The StepError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function stepErrorOf(promise: Promise<unknown>): Promise<StepError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StepError);
  return error as StepError;
}
