import { currentStepErrorCode } from "@ledgerflow/engine";
import { z } from "zod";

// Step and run errors are stored as StepError.toJSON() (packages/engine action-definition.ts):
// `{ message, code, retryable, field?, details?: { status?, validationErrors?: string[], … } }`.
// Stored JSON is read defensively: older rows or other writers may hold any shape, and codes
// renamed since are shown by their current name.

const storedError = z.object({
  message: z.string().catch("The step failed without a message."),
  code: z.string().transform(currentStepErrorCode).optional().catch(undefined),
  field: z.string().optional().catch(undefined),
  details: z
    .object({
      status: z.number().optional().catch(undefined),
      validationErrors: z.array(z.string()).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

export interface StepErrorView {
  message: string;
  code?: string;
  field?: string;
  httpStatus?: number;
  /** Xero's own ValidationErrors messages, one per problem. */
  validationErrors: string[];
}

export function readStepError(value: unknown): StepErrorView | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return { message: value, validationErrors: [] };
  const parsed = storedError.safeParse(value);
  if (!parsed.success) return { message: "The step failed; its error is shown below as stored.", validationErrors: [] };
  const { message, code, field, details } = parsed.data;
  return { message, code, field, httpStatus: details?.status, validationErrors: details?.validationErrors ?? [] };
}
