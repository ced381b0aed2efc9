// A mapped field's text as the editor draws it: literal text and `{{ … }}` references in order, each
// reference described from the data picker's groups (its label, where it comes from, its sample).
// Splitting uses the engine's own template grammar, so a pill is drawn exactly where a run will
// resolve a value; the text is kept as written (`raw`), so drawing it never rewrites it.
import { type DataPickerGroup, formatPath, parsePath, parseTemplate } from "@ledgerflow/engine";

export type TemplateSegment = { kind: "text"; text: string } | { kind: "reference"; path: string; raw: string };

/**
 * `"Order {{ trigger.body.id }}"` → text "Order ", then the reference `trigger.body.id`. Braces that
 * are not a reference (`{{` unclosed, `{{}}`, `{{ a + b }}`) stay text, as the resolver leaves them.
 */
export function toSegments(value: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  const pushText = (text: string) => {
    const last = segments.at(-1);
    if (last?.kind === "text") segments[segments.length - 1] = { kind: "text", text: last.text + text };
    else if (text !== "") segments.push({ kind: "text", text });
  };
  for (const part of parseTemplate(value)) {
    if (part.kind === "text") {
      pushText(part.text);
      continue;
    }
    const path = parsePath(part.expression);
    if (path) segments.push({ kind: "reference", path: formatPath(path), raw: part.template });
    else pushText(part.template);
  }
  return segments;
}

export function fromSegments(segments: readonly TemplateSegment[]): string {
  return segments.map((segment) => (segment.kind === "text" ? segment.text : segment.raw)).join("");
}

export function hasReferences(segments: readonly TemplateSegment[]): boolean {
  return segments.some((segment) => segment.kind === "reference");
}

/** The text after the last reference (what the pills field's own text box edits) and all before it. */
export function splitTail(value: string): { head: string; tail: string } {
  const segments = toSegments(value);
  if (!hasReferences(segments)) return { head: "", tail: value };
  const last = segments.at(-1);
  const tail = last?.kind === "text" ? last.text : "";
  return { head: value.slice(0, value.length - tail.length), tail };
}

/** The value without its `index`-th segment (a pill removed); the text around it joins up. */
export function withoutSegment(value: string, index: number): string {
  return fromSegments(toSegments(value).filter((_, at) => at !== index));
}

export interface DescribedReference {
  path: string;
  /** "Order id"; the path itself when the sample does not have it. */
  label: string;
  /** Where it comes from, as the data picker titles it: "Trigger", "2. Find contact", "Each line". */
  source: string;
  /** The sample's value as the data picker shows it; undefined when the sample does not have it. */
  sample: string | undefined;
  found: boolean;
  /** What a screen reader hears: "Order id from the trigger, sample 1042". */
  spoken: string;
}

/** A reference's label, source and sample, from the groups the data picker offers the same field. */
export function describeReference(path: string, groups: readonly DataPickerGroup[]): DescribedReference {
  const segments = path.split(".");
  for (const group of groups) {
    const reference = group.references.find((candidate) => candidate.path === path);
    if (!reference) continue;
    const label = labelOf(segments);
    const sample = reference.preview === "" ? "(empty)" : reference.preview;
    return {
      path,
      label,
      source: group.title,
      sample,
      found: true,
      spoken: `${label} from ${spokenSource(group.title)}, sample ${sample}`,
    };
  }
  const [root = "", stepKey = ""] = segments;
  const key = root === "steps" ? stepKey : root;
  const source =
    groups.find((group) => group.key === key)?.title ??
    (root === "trigger" ? "Trigger" : root === "steps" ? `Step ${stepKey}` : `Each ${root}`);
  return {
    path,
    label: path,
    source,
    sample: undefined,
    found: false,
    spoken: `${path} from ${spokenSource(source)}, not in the sample`,
  };
}

/** `trigger.body.order_id` → "Order id"; a list's item (`lines.0`) → "Lines item 1", as the picker numbers items. */
function labelOf(segments: readonly string[]): string {
  const last = segments.at(-1) ?? "";
  if (/^\d+$/.test(last) && segments.length > 1) return `${humanize(segments.at(-2) ?? "")} item ${Number(last) + 1}`;
  return humanize(last);
}

/** `order_id`, `orderId` → "Order id"; `ContactID` → "Contact ID" (acronyms keep their capitals). */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean);
  return words
    .map((word, index) => {
      if (word.length > 1 && word === word.toUpperCase()) return word;
      const lower = word.toLowerCase();
      return index === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(" ");
}

/** "Trigger" → "the trigger", "2. Find contact" → "step 2 Find contact", "Each line" → "each line". */
function spokenSource(title: string): string {
  if (title === "Trigger") return "the trigger";
  const numbered = /^(\d+)\. (.*)$/.exec(title);
  if (numbered) return `step ${numbered[1]} ${numbered[2]}`;
  return title.charAt(0).toLowerCase() + title.slice(1);
}
