// What a step's `input` may hold (docs/ARCHITECTURE.md §4): fixed JSON values, strings with `{{ … }}` references,
// and `$each` lists that map every item of a list onto a shape:
//   { "$each": "{{trigger.body.lines}}", "as": "line", "map": { "Description": "{{line.name}}" } }
import { z } from "zod";
import { isForbiddenKey, parsePath, wholeTemplateExpression } from "./template-path";

export type MappingValue = string | number | boolean | null | MappingValue[] | EachMapping | MappingObject;
export type MappingObject = { [key: string]: MappingValue };
export interface EachMapping {
  /** A single reference to a list, e.g. `{{trigger.body.lines}}`. */
  $each: string;
  /** The name each item is known by inside `map`, e.g. `line` for `{{line.price}}`. */
  as: string;
  map: MappingValue;
}

/** Names an `$each` item cannot take: the template roots, and prototype names. */
const RESERVED_ITEM_NAMES = new Set(["trigger", "steps"]);
const ITEM_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/i;
const EACH_KEYS = ["$each", "as", "map"];

export function isEachMapping(value: unknown): value is EachMapping {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.hasOwn(value, "$each");
}

/**
 * An `$each` whose list is not chosen yet (`""`, or `{{ }}` left empty): an unfinished draft, which
 * saves; the switch-on check and Test ask for the list ("choose the list to repeat over").
 */
export function isUnchosenEachSource(source: unknown): boolean {
  return typeof source === "string" && (source.trim() === "" || wholeTemplateExpression(source)?.trim() === "");
}

/** Why `value` is not a valid `$each` mapping (none when it is). */
function eachMappingProblems(value: Record<string, unknown>): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const key of Object.keys(value)) {
    if (!EACH_KEYS.includes(key)) problems.push({ path: key, message: `"${key}" is not allowed next to "$each"` });
  }
  const source = value.$each;
  const expression = typeof source === "string" ? wholeTemplateExpression(source) : undefined;
  if (!isUnchosenEachSource(source) && (expression === undefined || !parsePath(expression))) {
    problems.push({
      path: "$each",
      message: '"$each" must be a single reference to a list, like "{{trigger.body.lines}}"',
    });
  }
  const name = value.as;
  if (
    typeof name !== "string" ||
    !ITEM_NAME_PATTERN.test(name) ||
    RESERVED_ITEM_NAMES.has(name) ||
    isForbiddenKey(name)
  ) {
    problems.push({ path: "as", message: '"as" must be a short name such as "line" (not "trigger" or "steps")' });
  }
  if (!Object.hasOwn(value, "map"))
    problems.push({ path: "map", message: '"$each" needs a "map" describing each item' });
  return problems;
}

const mappingObjectSchema = z
  .record(
    z.string(),
    z.lazy(() => mappingValueSchema),
  )
  .superRefine((value, ctx) => {
    if (isEachMapping(value)) {
      for (const problem of eachMappingProblems(value))
        ctx.addIssue({ code: "custom", ...problem, path: [problem.path] });
      return;
    }
    for (const key of Object.keys(value)) {
      if (key.startsWith("$"))
        ctx.addIssue({ code: "custom", path: [key], message: `"${key}": keys starting with $ are reserved` });
    }
  });

export const mappingValueSchema: z.ZodType<MappingValue> = z.union([
  z.string().max(20_000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.lazy(() => mappingValueSchema)).max(1_000),
  mappingObjectSchema as unknown as z.ZodType<MappingObject | EachMapping>,
]);

/** A step's input: one mapping per field name. */
export const stepInputSchema = z.record(z.string(), mappingValueSchema).superRefine((value, ctx) => {
  for (const key of Object.keys(value)) {
    if (key.startsWith("$")) ctx.addIssue({ code: "custom", path: [key], message: `"${key}" is not a field name` });
  }
});

export type StepInput = Record<string, MappingValue>;
