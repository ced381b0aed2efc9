// A step field's location as StepErrors and input problems name it (`LineItems[1].AccountCode`,
// formatFieldPath), read back into its parts and into the words a bookkeeper reads.
import type { FieldSpec } from "./action-definition";

export interface FieldLocation {
  /** The step's own field: `LineItems`. */
  field: string;
  /** For a field inside a list: the line (0-based) when known, and the item's field. */
  line?: number;
  item?: string;
}

/**
 * `LineItems[1].AccountCode` → `{ field: "LineItems", line: 1, item: "AccountCode" }`;
 * `LineItems.AccountCode` and `LineItems[].AccountCode` (a line's field, the line unknown, or each
 * line of "One per item of a list") → `{ field, item }`; `DueDate` → `{ field }`.
 */
export function parseFieldPath(path: string): FieldLocation {
  const match = /^([^.[]+)(?:\[(\d*)\])?(?:\.([^.[]+))?/.exec(path);
  if (!match?.[1]) return { field: path };
  const [, field, line, item] = match;
  return { field, ...(line ? { line: Number(line) } : {}), ...(item ? { item } : {}) };
}

/**
 * How a field is named to a bookkeeper: "Due date"; "Line items, line 2 · Account" for a line's
 * field; a name the action no longer has is shown as it is.
 */
export function describeFieldPath(path: string, fields: readonly FieldSpec[]): string {
  const { field, line, item } = parseFieldPath(path);
  const spec = fields.find((candidate) => candidate.name === field);
  if (!spec) return path;
  const where = line !== undefined ? `${spec.label}, line ${line + 1}` : spec.label;
  if (!item) return where;
  const itemLabel = spec.itemFields?.find((candidate) => candidate.name === item)?.label ?? item;
  return `${where} · ${itemLabel}`;
}
