// Whether a step's last test still says anything about the step as it now is: a test is stale
// once anything it depended on changed — its own fields or connection, the trigger's sample, or an
// earlier step whose output it maps (tested again, or itself changed). Worked out in the browser
// from what the editor already has (the draft, and each sample's input, connection and testedAt),
// with the engine's own preparation of a step's input, so "the input this test sent" and "the
// input a test would send now" are computed the same way.
import {
  type Catalog,
  type CatalogAction,
  type FlowDefinition,
  type FlowStep,
  flowSettingsOf,
  isPathsStep,
  listSteps,
  listTemplateReferences,
  prepareStep,
  readOwn,
  referencedStepKey,
} from "@ledgerflow/engine";
import type { StepSampleView } from "./editor-types";

export interface TestStaleness {
  /** "Test again: the fields changed since this test". */
  message: string;
  /** The earlier step to test first, when that is what it takes. */
  testFirst?: string;
}

export interface StalenessInput {
  definition: FlowDefinition;
  samples: readonly StepSampleView[];
  catalog: Catalog<CatalogAction>;
  /** "Create invoice": how a message names another step. */
  titleOf: (stepKey: string) => string;
}

/** JSON with sorted keys: PostgreSQL's jsonb keeps no key order, so order must not count. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** The earlier steps a step maps from, in the order its fields mention them. */
function mappedSteps(step: FlowStep): string[] {
  const keys = listTemplateReferences(step.input)
    .map(referencedStepKey)
    .filter((key): key is string => key !== undefined);
  return [...new Set(keys)];
}

/** The fields whose value differs between what the test sent and what a test would send now. */
function changedFields(sent: unknown, now: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(now), ...Object.keys((sent ?? {}) as object)]);
  return [...names].filter((name) => canonical(readOwn(sent, name)) !== canonical(readOwn(now, name)));
}

/** Every changed field maps the trigger and only the trigger: the sample changed, not the step. */
function onlyTriggerChanged(step: FlowStep, fields: string[]): boolean {
  return fields.every((name) => {
    const references = listTemplateReferences(readOwn(step.input, name));
    return references.length > 0 && references.every((reference) => reference.segments?.[0] === "trigger");
  });
}

function staleFields(input: StalenessInput, step: FlowStep, sample: StepSampleView, before: string[]) {
  const outputs: Record<string, unknown> = {};
  for (const key of before) {
    const output = input.samples.find((candidate) => candidate.stepKey === key)?.output;
    if (output !== undefined && output !== null) outputs[key] = output;
  }
  const trigger = input.definition.trigger.sample ?? {};
  const prepared = prepareStep(input.catalog, step, { trigger, steps: outputs }, flowSettingsOf(input.definition));
  if (!prepared.ok) return "Test again: the fields changed since this test";
  const now: Record<string, unknown> = { ...prepared.input };
  // A test sends the action's override (a draft) in place of the step's value: that is no change.
  const override = input.catalog.get(step.action)?.test?.override;
  if (override && readOwn(sample.input, override.field) === override.value) now[override.field] = override.value;
  const fields = changedFields(sample.input, now);
  if (fields.length === 0) return undefined;
  return onlyTriggerChanged(step, fields)
    ? "Test again: the trigger's sample changed since this test"
    : "Test again: the fields changed since this test";
}

/** The stale tests of a flow, by step key; a step without a successful test is never stale. */
export function testStaleness(input: StalenessInput): Map<string, TestStaleness> {
  const stale = new Map<string, TestStaleness>();
  const sampleOf = (key: string) => input.samples.find((sample) => sample.stepKey === key);
  for (const { node, before } of listSteps(input.definition)) {
    if (isPathsStep(node)) continue;
    const sample = sampleOf(node.key);
    if (!sample || sample.error !== null) continue;
    const earlier = new Set(before.map((step) => step.key));
    const staleness = ((): TestStaleness | undefined => {
      if (sample.connectionId && sample.connectionId !== (node.connectionId ?? null)) {
        return { message: "Test again: the connection changed since this test" };
      }
      const fields = staleFields(input, node, sample, [...earlier]);
      for (const key of mappedSteps(node).filter((candidate) => earlier.has(candidate))) {
        const title = input.titleOf(key);
        if (stale.has(key))
          return { message: `Test “${title}” again first: it changed after this test`, testFirst: key };
        // Tested again with the same result (the same contact found): nothing this test used changed.
        const upstream = sampleOf(key);
        if (fields && upstream && Date.parse(upstream.testedAt) > Date.parse(sample.testedAt)) {
          return { message: `Test again: “${title}” was tested again after this test` };
        }
      }
      return fields ? { message: fields } : undefined;
    })();
    if (staleness) stale.set(node.key, staleness);
  }
  return stale;
}

/** The titles of the steps that map each step's output, by the mapped step's key. */
export function stepReaders(definition: FlowDefinition, titleOf: (stepKey: string) => string): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  for (const { node } of listSteps(definition)) {
    if (isPathsStep(node)) continue;
    for (const key of mappedSteps(node)) readers.set(key, [...(readers.get(key) ?? []), titleOf(node.key)]);
  }
  return readers;
}
