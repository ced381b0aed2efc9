import { currentStepErrorCode } from "@ledgerflow/engine";
import { z } from "zod";

// Step and run errors are stored as StepError.toJSON() (packages/engine action-definition.ts):
// `{ message, code, retryable, field?, details?: { status?, validationErrors?: string[],
// problems?: { field?, message }[], … } }`. Stored JSON is read defensively: older rows or other
// writers may hold any shape, and codes renamed since are shown by their current name.

const storedProblem = z.object({ field: z.string().optional().catch(undefined), message: z.string() });

const storedError = z.object({
  message: z.string().catch("The step failed without a message."),
  code: z.string().transform(currentStepErrorCode).optional().catch(undefined),
  field: z.string().optional().catch(undefined),
  details: z
    .object({
      status: z.number().optional().catch(undefined),
      validationErrors: z.array(z.string()).optional().catch(undefined),
      problems: z.array(z.unknown()).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

/** One problem on the field it concerns (`LineItems[1].AccountCode`), from the engine's checks or Xero's. */
export type FieldProblemView = z.infer<typeof storedProblem> & { field: string };

export interface StepErrorView {
  message: string;
  code?: string;
  field?: string;
  httpStatus?: number;
  /** Xero's own ValidationErrors messages, one per problem. */
  validationErrors: string[];
  /** Each problem that names a field, with that field: the editor puts it there, history names it. */
  fieldProblems: FieldProblemView[];
}

/**
 * The problems that name a field. An error that names one field but lists no problems is that one
 * problem when it is one message; several of Xero's messages stored before problems were listed
 * cannot be told apart, so they stay a list under the error's field.
 */
function fieldProblemsOf(
  problems: unknown[] | undefined,
  field: string | undefined,
  message: string,
  validationErrors: string[],
): FieldProblemView[] {
  const listed = (problems ?? []).flatMap((problem) => {
    const parsed = storedProblem.safeParse(problem);
    return parsed.success && parsed.data.field ? [{ field: parsed.data.field, message: parsed.data.message }] : [];
  });
  if (listed.length > 0) return listed;
  return field && validationErrors.length <= 1 ? [{ field, message }] : [];
}

export function readStepError(value: unknown): StepErrorView | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return { message: value, validationErrors: [], fieldProblems: [] };
  const parsed = storedError.safeParse(value);
  if (!parsed.success) {
    return { message: "The step failed; its error is shown below as stored.", validationErrors: [], fieldProblems: [] };
  }
  const { message, code, field, details } = parsed.data;
  const validationErrors = details?.validationErrors ?? [];
  return {
    message,
    code,
    field,
    httpStatus: details?.status,
    validationErrors,
    fieldProblems: fieldProblemsOf(details?.problems, field, message, validationErrors),
  };
}
