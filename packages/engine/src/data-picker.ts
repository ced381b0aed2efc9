// What the editor's data picker offers while a step is edited: every value of the trigger's sample
// and of earlier steps' outputs (their last test, or the action's output sample when untested),
// each with the template that inserts it. Lists show their first item, as a guide to the shape.
import type { Catalog } from "./catalog";
import type { PathsDecision } from "./decide-paths";
import { type FlowDefinition, type FlowNode, isPathsStep } from "./flow-definition";
import { findPlace, listSteps } from "./flow-steps";
import { defineOwn, isPlainObject, ownEntries, type PlainObject, readOwn } from "./plain-data";
import { formatPath, parsePath } from "./template-path";
import { resolveTemplates, type TemplateContext } from "./template-resolver";

export type DataType = "text" | "number" | "boolean" | "empty" | "object" | "list";

export interface DataReference {
  /** e.g. `steps.find_contact.ContactID` */
  path: string;
  /** e.g. `{{steps.find_contact.ContactID}}` */
  template: string;
  /** The keys below the group, e.g. `Lines › item 1 › Name`. */
  label: string;
  /** The value as shown, shortened. */
  preview: string;
  type: DataType;
}

export interface DataPickerGroup {
  /** `trigger`, a step key, or an `$each` item name. */
  key: string;
  /** `Trigger`, `2. Find or create contact` (position and action), or `Each line`. */
  title: string;
  /** Whether the values come from a real event/test, or from the action's example output. */
  fromExample: boolean;
  references: DataReference[];
}

export interface DataPickerOptions {
  definition: FlowDefinition;
  /** The step being edited: only earlier steps are offered. Omit to offer every step. */
  stepKey?: string;
  /** The trigger event; defaults to the trigger's saved sample. */
  sampleEvent?: unknown;
  /** Steps' last test outputs, by step key. */
  sampleOutputs?: Readonly<Record<string, unknown>>;
  catalog: Catalog;
  /** Most references per group (large payloads stay usable). */
  limit?: number;
}

const DEFAULT_LIMIT = 200;
const MAX_DEPTH = 8;
const PREVIEW_LENGTH = 60;

export function listDataReferences(options: DataPickerOptions): DataPickerGroup[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const { trigger, steps, examples } = sampleData(options);
  const groups: DataPickerGroup[] = [
    {
      key: "trigger",
      title: "Trigger",
      fromExample: false,
      references: flatten(trigger, ["trigger"], limit),
    },
  ];
  for (const { node, index } of listSteps(options.definition)) {
    if (!Object.hasOwn(steps, node.key)) continue;
    const title = isPathsStep(node) ? "Paths" : (options.catalog.get(node.action)?.title ?? node.key);
    groups.push({
      key: node.key,
      title: `${index + 1}. ${title}`,
      fromExample: examples.has(node.key),
      references: flatten(readOwn(steps, node.key), ["steps", node.key], limit),
    });
  }
  return groups;
}

/** The data a step can read while being edited: what `listDataReferences` offers, as a template context. */
export function buildSampleContext(options: DataPickerOptions): TemplateContext {
  const { trigger, steps } = sampleData(options);
  return { trigger, steps };
}

/**
 * The references of the current item inside (nested) `$each` mappings, outermost first, e.g.
 * `[{ source: "{{trigger.body.lines}}", as: "line" }]` offers `{{line.name}}`, `{{line.price}}`…
 */
export function listItemReferences(
  context: TemplateContext,
  eachMappings: readonly { source: string; as: string }[],
  limit = DEFAULT_LIMIT,
): DataPickerGroup[] {
  return eachMappings.map(({ as }, depth) => {
    // A mapping whose result is this item for every row of the enclosing lists; the first row is shown.
    let probe: unknown = `{{${as}}}`;
    for (const { source, as: name } of eachMappings.slice(0, depth + 1).reverse()) {
      probe = { $each: source, as: name, map: probe };
    }
    const { value } = resolveTemplates(probe, context);
    return {
      key: as,
      title: `Each ${as}`,
      fromExample: false,
      references: flatten(firstItem(value, depth), [as], limit, true),
    };
  });
}

function firstItem(value: unknown, depth: number): unknown {
  let current = value;
  for (let level = 0; level <= depth; level++) current = readOwn(current, "0");
  return current;
}

function sampleData(options: DataPickerOptions) {
  const { definition, catalog } = options;
  // Only what has certainly run when the edited step runs: never a neighbouring path's steps.
  const offered: FlowNode[] =
    options.stepKey === undefined
      ? listSteps(definition).map((place) => place.node)
      : (findPlace(definition, options.stepKey)?.before ?? []);
  const steps: PlainObject = {};
  const examples = new Set<string>();
  for (const step of offered) {
    const tested = readOwn(options.sampleOutputs ?? {}, step.key);
    if (tested !== undefined) {
      defineOwn(steps, step.key, tested);
      continue;
    }
    const example = isPathsStep(step) ? examplePathsDecision(step) : catalog.get(step.action)?.outputSample;
    if (example === undefined) continue;
    defineOwn(steps, step.key, example);
    examples.add(step.key);
  }
  return { trigger: options.sampleEvent ?? definition.trigger.sample ?? {}, steps, examples };
}

/** What a Paths step's decision looks like before any run: its first path taken. */
function examplePathsDecision(node: Extract<FlowNode, { type: "paths" }>): PathsDecision {
  return {
    taken: node.paths.slice(0, 1).map((path) => path.key),
    paths: node.paths.map((path, index) => ({ key: path.key, name: path.name, passed: index === 0, explanation: "" })),
  };
}

/** `withRoot`: offer the root itself too (an `$each` item, unlike a whole trigger, is worth inserting). */
function flatten(root: unknown, rootPath: string[], limit: number, withRoot = false): DataReference[] {
  const references: DataReference[] = [];
  const walk = (value: unknown, path: string[], labels: string[]) => {
    if (references.length >= limit) return;
    if (labels.length > 0 || withRoot) references.push(describeValue(value, path, labels));
    if (labels.length >= MAX_DEPTH) return;
    if (Array.isArray(value)) {
      if (value.length > 0) walk(readOwn(value, "0"), [...path, "0"], [...labels, "item 1"]);
      return;
    }
    if (!isPlainObject(value)) return;
    for (const [key, item] of ownEntries(value)) {
      // Keys a path cannot spell (spaces, dots) cannot be referenced, so they are not offered.
      if (parsePath(key)?.join() === key) walk(item, [...path, key], [...labels, key]);
    }
  };
  walk(root, rootPath, []);
  return references;
}

function describeValue(value: unknown, segments: string[], labels: string[]): DataReference {
  const path = formatPath(segments);
  return { path, template: `{{${path}}}`, label: labels.join(" › ") || path, ...previewOf(value) };
}

function previewOf(value: unknown): { preview: string; type: DataType } {
  if (Array.isArray(value)) return { preview: `${value.length} item${value.length === 1 ? "" : "s"}`, type: "list" };
  if (isPlainObject(value)) {
    const count = Object.keys(value).length;
    return { preview: `${count} field${count === 1 ? "" : "s"}`, type: "object" };
  }
  if (typeof value === "number") return { preview: String(value), type: "number" };
  if (typeof value === "boolean") return { preview: value ? "true" : "false", type: "boolean" };
  if (typeof value === "string") {
    const preview = value.length > PREVIEW_LENGTH ? `${value.slice(0, PREVIEW_LENGTH - 1)}…` : value;
    return { preview, type: value === "" ? "empty" : "text" };
  }
  return { preview: "(empty)", type: "empty" };
}
