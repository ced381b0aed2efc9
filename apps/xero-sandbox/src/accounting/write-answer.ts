import type { AccountingAnswer } from "./accounting-route";
import type { BatchOutcome } from "./batch-write";
import { validationExceptionBody } from "./xero-errors";

/** A batch write's HTTP answer: 200 with the saved (and, unsummarised, failed) elements under `key`, or Xero's 400. */
export function writeAnswer<R>(outcome: BatchOutcome<R>, key: string): AccountingAnswer {
  if (outcome.status === 400) return { status: 400, body: validationExceptionBody(outcome.elements) };
  return { status: 200, body: { [key]: outcome.records } };
}
