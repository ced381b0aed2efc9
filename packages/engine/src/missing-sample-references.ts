// Mappings to data the sample does not have (`{{trigger.body.customer.fullname}}` when the sample's
// customer has no `fullname`): often a typo, sometimes a field the sample simply lacks. The editor
// flags them under the field at once; switch-on lists them as warnings the person may accept.
import type { Catalog } from "./catalog";
import { type FlowDefinition, isPathsStep } from "./flow-definition";
import { listSteps, type StepPlace } from "./flow-steps";
import { isPlainObject, readOwn } from "./plain-data";
import { listTemplateReferences, type TemplateReference } from "./template-references";
import { fieldOf, type PublishProblem } from "./validate-flow-for-publish";

export interface MissingSampleOptions {
  definition: FlowDefinition;
  /** Steps' last test outputs, by step key: only real results are compared, never an action's example. */
  sampleOutputs?: Readonly<Record<string, unknown>>;
  catalog: Catalog;
}

/** Every reference, in every step and path, to a value its sample does not have; all are warnings. */
export function findMissingSampleReferences(options: MissingSampleOptions): PublishProblem[] {
  const { definition } = options;
  const places = listSteps(definition);
  return places.flatMap((place) => {
    const { node } = place;
    const mappings: { mapping: unknown; field: (at: (string | number)[]) => string }[] = isPathsStep(node)
      ? node.paths.map((path) => ({ mapping: path.conditions, field: () => `paths.${path.key}.conditions` }))
      : [{ mapping: node.input, field: fieldOf }];
    const seen = new Set<string>();
    return mappings.flatMap(({ mapping, field }) =>
      listTemplateReferences(mapping).flatMap((reference) => {
        const message = missingMessage(reference, place, places, options);
        const problem = message && { stepKey: node.key, field: field(reference.at), message };
        const id = problem && `${problem.field}:${reference.template}`;
        if (!problem || !id || seen.has(id)) return [];
        seen.add(id);
        return [{ ...problem, severity: "warning" as const }];
      }),
    );
  });
}

function missingMessage(
  reference: TemplateReference,
  place: StepPlace,
  places: readonly StepPlace[],
  { definition, sampleOutputs, catalog }: MissingSampleOptions,
): string | undefined {
  const [root, key, ...rest] = reference.segments ?? [];
  if (root === "trigger" && key !== undefined) {
    const sample = definition.trigger.sample;
    // No sample (or an empty one) says nothing about which fields exist.
    if (!isPlainObject(sample) || Object.keys(sample).length === 0) return undefined;
    if (!lacks(sample, [key, ...rest])) return undefined;
    // `body` is where every webhook's fields are: naming it would only add noise.
    const shown = key === "body" && rest.length > 0 ? rest : [key, ...rest];
    return `“${shown.join(".")}” is not in the trigger's sample — check the name, or load a sample that has it`;
  }
  if (root !== "steps" || key === undefined || rest.length === 0) return undefined;
  // Steps that have not run before this one are the switch-on check's business, not the sample's.
  const source = places.find((candidate) => candidate.node.key === key && place.before.includes(candidate.node));
  const output = readOwn(sampleOutputs ?? {}, key);
  if (!source || output === undefined || !lacks(output, rest)) return undefined;
  const title = isPathsStep(source.node) ? "Paths" : (catalog.get(source.node.action)?.title ?? key);
  return `“${rest.join(".")}” is not in the test result of step ${source.index + 1} “${title}” — check the name, or test that step again`;
}

/**
 * Whether the path certainly leads nowhere in `data`: some object or list on the way lacks the
 * next key. A `null` or plain value on the way leaves it open (a sample's empty customer).
 */
function lacks(data: unknown, segments: readonly string[]): boolean {
  let current = data;
  for (const segment of segments) {
    if (!isPlainObject(current) && !Array.isArray(current)) return false;
    const next = readOwn(current, segment);
    if (next === undefined) return true;
    current = next;
  }
  return false;
}
