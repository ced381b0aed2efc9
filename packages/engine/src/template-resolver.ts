// Turns a step's input mapping into concrete values (docs/ARCHITECTURE.md §4). Rules:
// - `{{ path }}` reads from `trigger`, `steps.<key>` or an enclosing `$each`'s item name;
// - a value that is exactly one reference keeps the referenced value's type (numbers, objects, lists);
// - references inside other text are stringified (objects and lists as JSON, nothing for missing);
// - `$each` maps every item of a list; nested `$each` see the outer item names too;
// - a missing path resolves to `undefined` and is reported with its full data path, so validation can
//   say where a required value should have come from.
// Nothing is ever evaluated: a reference is a path, read only through own data properties.
import { isEachMapping } from "./mapping-schema";
import {
  clonePlainData,
  defineOwn,
  isPlainObject,
  ownEntries,
  type PlainObject,
  readOwn,
  readPath,
} from "./plain-data";
import { formatPath, parsePath, parseTemplate, wholeTemplateExpression } from "./template-path";

export interface TemplateContext {
  /** The trigger event, e.g. `{ body, headers, query }` for a webhook. */
  trigger: unknown;
  /** Outputs of the steps that ran before, by step key. */
  steps: Readonly<Record<string, unknown>>;
}

/** One `{{ … }}` met while resolving, and what it pointed at. */
export interface ResolvedReference {
  /** Where the value lands in the resolved input, e.g. `["LineItems", 1, "UnitAmount"]`. */
  at: (string | number)[];
  /** The reference as written (normalised), e.g. `{{line.price}}`. */
  template: string;
  /** The absolute data path, e.g. `trigger.body.lines.1.price` (item names replaced by their source). */
  path: string;
  /** Whether the path pointed at a value (`null` counts as found; `undefined` does not). */
  found: boolean;
  /** Whether the reference was the whole value (so an empty result leaves the field empty). */
  whole: boolean;
}

export interface ResolveResult<T = unknown> {
  value: T;
  references: ResolvedReference[];
}

interface ScopeItem {
  value: unknown;
  /** Absolute path of the item, e.g. `["trigger", "body", "lines", "1"]`. */
  path: string[];
}

type Scope = ReadonlyMap<string, ScopeItem>;

interface Lookup {
  value: unknown;
  path: string;
}

/** Resolves a step's whole input; keys whose value resolves to nothing are left out. */
export function resolveStepInput(
  input: Readonly<Record<string, unknown>>,
  context: TemplateContext,
): ResolveResult<PlainObject> {
  const { value, references } = resolveTemplates(input, context);
  return { value: isPlainObject(value) ? value : {}, references };
}

export function resolveTemplates(mapping: unknown, context: TemplateContext): ResolveResult {
  const references: ResolvedReference[] = [];
  const value = resolveValue(mapping, { context, scope: new Map(), references }, []);
  return { value, references };
}

interface Resolution {
  context: TemplateContext;
  scope: Scope;
  references: ResolvedReference[];
}

function resolveValue(mapping: unknown, resolution: Resolution, at: (string | number)[]): unknown {
  if (typeof mapping === "string") return resolveString(mapping, resolution, at);
  if (Array.isArray(mapping)) {
    return Array.from({ length: mapping.length }, (_, index) =>
      resolveValue(readOwn(mapping, String(index)), resolution, [...at, index]),
    );
  }
  if (isEachMapping(mapping)) return resolveEach(mapping, resolution, at);
  if (isPlainObject(mapping)) {
    const result: PlainObject = {};
    for (const [key, item] of ownEntries(mapping)) {
      const resolved = resolveValue(item, resolution, [...at, key]);
      if (resolved !== undefined) defineOwn(result, key, resolved);
    }
    return result;
  }
  // Fixed numbers, booleans and null are values already; anything else is not JSON.
  return mapping === null || typeof mapping === "number" || typeof mapping === "boolean" ? mapping : undefined;
}

function resolveString(text: string, resolution: Resolution, at: (string | number)[]): unknown {
  const whole = wholeTemplateExpression(text);
  if (whole !== undefined) return clonePlainData(lookup(whole, resolution, at, true).value);

  const parts = parseTemplate(text);
  if (!parts.some((part) => part.kind === "reference")) return text;
  return parts
    .map((part) => (part.kind === "text" ? part.text : stringify(lookup(part.expression, resolution, at, false).value)))
    .join("");
}

function resolveEach(mapping: unknown, resolution: Resolution, at: (string | number)[]): unknown {
  const source = readOwn(mapping, "$each");
  const name = readOwn(mapping, "as");
  const expression = typeof source === "string" ? wholeTemplateExpression(source) : undefined;
  if (expression === undefined || typeof name !== "string") return undefined;

  const list = lookup(expression, resolution, at, true);
  if (list.value === undefined || list.value === null) return undefined;
  // A single object where a list was expected (form posts, one-line orders) is a list of one.
  const items = Array.isArray(list.value) ? list.value : [list.value];
  const sourcePath = list.path.split(".");
  const map = readOwn(mapping, "map");
  return items.map((_, index) => {
    const item: ScopeItem = {
      value: readOwn(items, String(index)),
      path: Array.isArray(list.value) ? [...sourcePath, String(index)] : sourcePath,
    };
    const scope = new Map(resolution.scope).set(name, item);
    return resolveValue(map, { ...resolution, scope }, [...at, index]);
  });
}

function lookup(expression: string, resolution: Resolution, at: (string | number)[], whole: boolean): Lookup {
  const found = findValue(expression, resolution);
  resolution.references.push({
    at,
    template: `{{${expression}}}`,
    path: found.path,
    found: found.value !== undefined,
    whole,
  });
  return found;
}

function findValue(expression: string, { context, scope }: Resolution): Lookup {
  const segments = parsePath(expression);
  if (!segments) return { value: undefined, path: expression };
  const [root = "", ...rest] = segments;

  const item = scope.get(root);
  if (item) return { value: readPath(item.value, rest), path: formatPath([...item.path, ...rest]) };
  if (root === "trigger") return { value: readPath(context.trigger, rest), path: formatPath(segments) };
  if (root === "steps") return { value: readPath(context.steps, rest), path: formatPath(segments) };
  return { value: undefined, path: formatPath(segments) };
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const data = clonePlainData(value);
  return data === undefined ? "" : JSON.stringify(data);
}
