import { currentStepErrorCode } from "@ledgerflow/engine";
import { z } from "zod";

// StepRun.attemptErrors: one `{ message, code, at }` per failed attempt, oldest first, the current
// attempt's included (packages/runtime step-run-records.ts). Read defensively like the errors, with
// codes renamed since shown by their current name.
const storedAttemptErrors = z
  .array(
    z.object({
      message: z.string().catch("The attempt failed without a message."),
      code: z.string().transform(currentStepErrorCode).optional().catch(undefined),
      at: z.string().optional().catch(undefined),
    }),
  )
  .catch([]);

export type AttemptErrorView = z.output<typeof storedAttemptErrors>[number];

/** The failures of the attempts before the step's current state (the failed one itself is its error). */
export function readEarlierAttemptErrors(value: unknown, status: string): AttemptErrorView[] {
  const errors = storedAttemptErrors.parse(value ?? []);
  return status === "FAILED" ? errors.slice(0, -1) : errors;
}
