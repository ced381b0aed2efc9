// What one step of a flow writes, from its action's `writes` and the step's own input: an action
// may write nothing for some values of a field (the HTTP request's GET), so a button that asks
// before writing asks only when the step as set up writes.
import type { ActionWrites, FieldSpec } from "./action-definition";
import { readOwn } from "./plain-data";
import { containsTemplate } from "./template-path";

interface WritingAction {
  writes?: ActionWrites;
  fields: readonly FieldSpec[];
}

/**
 * The action's writes, or undefined when the step writes nothing: the action declares none, or the
 * `unless` field holds (fixed, or by its default) one of the values that write nothing. A mapped
 * value is only known at run time, so it counts as writing.
 */
export function stepWrites(action: WritingAction | undefined, input: unknown): ActionWrites | undefined {
  const writes = action?.writes;
  if (!action || !writes?.unless) return writes;
  const { field, in: values } = writes.unless;
  const given = readOwn(input, field);
  const value =
    given === undefined || given === "" ? action.fields.find((spec) => spec.name === field)?.default : given;
  if (typeof value !== "string" || containsTemplate(value)) return writes;
  return values.some((candidate) => candidate.toLowerCase() === value.trim().toLowerCase()) ? undefined : writes;
}
