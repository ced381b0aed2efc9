// The grammar of a template reference: `{{ trigger.body.lines.0.name }}` or `{{ line.items[1].sku }}`.
// Parsing is plain string work on purpose: a reference is a path into JSON data, never an expression.

/** Property names that are never read from data, whatever the data says (prototype access). */
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);

/** One `{{ … }}` occurrence; `g` so `matchAll` walks every reference in a text. */
const TEMPLATE_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** A field whose whole (trimmed) value is one reference keeps the referenced value's type. */
const WHOLE_TEMPLATE_PATTERN = /^\s*\{\{\s*([^{}]*?)\s*\}\}\s*$/;
/**
 * `name`, `first-name`, `Straße`, `0`, or `name[0][1]`: a key of letters, digits and `_-$@:`,
 * followed by optional bracketed indices. No operators, so nothing can look like an expression.
 */
const SEGMENT_PATTERN = /^([\p{L}\p{N}_\-$@:]+)((?:\[\d+\])*)$/u;

export type TemplatePart = { kind: "text"; text: string } | { kind: "reference"; template: string; expression: string };

/** Splits a string into literal text and `{{ … }}` references, in order. */
export function parseTemplate(value: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of value.matchAll(TEMPLATE_PATTERN)) {
    if (match.index > last) parts.push({ kind: "text", text: value.slice(last, match.index) });
    parts.push({ kind: "reference", template: match[0], expression: match[1] ?? "" });
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push({ kind: "text", text: value.slice(last) });
  return parts;
}

export function containsTemplate(value: string): boolean {
  return parseTemplate(value).some((part) => part.kind === "reference");
}

/** The reference expression when `value` is exactly one template (surrounding spaces allowed). */
export function wholeTemplateExpression(value: string): string | undefined {
  return WHOLE_TEMPLATE_PATTERN.exec(value)?.[1];
}

/**
 * `"steps.find.lines[0].name"` → `["steps", "find", "lines", "0", "name"]`; `undefined` when the
 * expression is not a plain path (spaces, operators, calls, empty segments, prototype names).
 */
export function parsePath(expression: string): string[] | undefined {
  if (expression.trim() === "") return undefined;
  const segments: string[] = [];
  for (const piece of expression.trim().split(".")) {
    const match = SEGMENT_PATTERN.exec(piece);
    if (!match) return undefined;
    segments.push(match[1]!);
    for (const index of (match[2] ?? "").matchAll(/\[(\d+)\]/g)) segments.push(index[1]!);
  }
  return segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment)) ? undefined : segments;
}

/** The canonical dotted form used in messages and the data picker: `trigger.body.lines.1.price`. */
export function formatPath(segments: readonly (string | number)[]): string {
  return segments.join(".");
}

/** The form a bookkeeper sees for a location in a step's input: `LineItems[1].UnitAmount`. */
export function formatFieldPath(segments: readonly (string | number)[]): string {
  let result = "";
  for (const segment of segments) {
    if (typeof segment === "number") result += `[${segment}]`;
    else result += result === "" ? segment : `.${segment}`;
  }
  return result;
}

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_SEGMENTS.has(key);
}
