import { describeFieldPath, type FieldSpec } from "@ledgerflow/engine";
import type { StepErrorView } from "./read-step-error";

/** One line of a step error as shown: where (the field by its label and line), and what. */
export interface ProblemLine {
  /** "Line items, line 2 · Account"; absent for a problem about no one field. */
  where?: string;
  /** The field's path (`LineItems[1].AccountCode`), for a link that opens it. */
  field?: string;
  message: string;
}

/**
 * The error's problems, each on its field by label when the step's fields are known: the
 * field problems first, then Xero's messages that name no field. Empty when the error is one
 * message about nothing in particular (it is then shown as it is).
 */
export function problemLines(error: StepErrorView, fields: readonly FieldSpec[] | undefined): ProblemLine[] {
  if (error.fieldProblems.length === 0) return [];
  const placed = error.fieldProblems.map((problem) => ({
    where: describeFieldPath(problem.field, fields ?? []),
    field: problem.field,
    message: problem.message,
  }));
  const onFields = new Set(error.fieldProblems.map((problem) => problem.message));
  const others = error.validationErrors.filter((message) => !onFields.has(message)).map((message) => ({ message }));
  return [...placed, ...others];
}
