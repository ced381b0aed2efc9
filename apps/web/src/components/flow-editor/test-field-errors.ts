import { parseFieldPath } from "@ledgerflow/engine";
import type { FieldProblemView } from "../runs/read-step-error";

/** A failed test's problems laid out on the step's fields, as the panel shows them. */
export interface TestFieldErrors {
  /** By the step's own field. A list field gets its lines' problems, "Line 2: Account code '999'…". */
  fields: Map<string, string>;
  /** By list field: its line fields' messages by `<line>.<field>` (line from 0), or `<field>` when the line is unknown. */
  items: Map<string, Record<string, string>>;
}

const joined = (current: string | undefined, next: string) => (current ? `${current}\n${next}` : next);

/** Lays each problem (`LineItems[1].AccountCode`: "Account code '999'…") on its field, and on its line's. */
export function testFieldErrors(problems: readonly FieldProblemView[]): TestFieldErrors {
  const fields = new Map<string, string>();
  const items = new Map<string, Record<string, string>>();
  for (const problem of problems) {
    const { field, line, item } = parseFieldPath(problem.field);
    fields.set(
      field,
      joined(fields.get(field), line === undefined ? problem.message : `Line ${line + 1}: ${problem.message}`),
    );
    if (!item) continue;
    const key = line === undefined ? item : `${line}.${item}`;
    const lineErrors = items.get(field) ?? {};
    lineErrors[key] = joined(lineErrors[key], problem.message);
    items.set(field, lineErrors);
  }
  return { fields, items };
}
