// Walks a definition's tree of steps (docs/ARCHITECTURE.md §4): the main list, and inside every
// Paths step each path's own list. Positions are depth-first — the order a person reads the editor
// top to bottom and the order run history numbers steps — and "before" is what has certainly run
// whenever a step runs: the steps above it on its own line, never those of a neighbouring path.
import { type FlowDefinition, type FlowNode, type FlowStep, isPathsStep, type PathsStep } from "./flow-definition";

export interface StepPlace {
  node: FlowNode;
  /** Depth-first position among all steps, from 0. */
  index: number;
  /** 0 on the main line, 1 inside a path, 2 inside a path of a path… */
  depth: number;
  /** The steps that have run whenever this one runs, in order (Paths steps included). */
  before: FlowNode[];
  /** The Paths step and path this step sits in, innermost; none on the main line. */
  within?: { paths: PathsStep; path: string };
}

/** Every step, depth-first. */
export function listSteps(definition: FlowDefinition): StepPlace[] {
  const places: StepPlace[] = [];
  const walk = (list: FlowNode[], before: FlowNode[], depth: number, within?: StepPlace["within"]) => {
    list.forEach((node, position) => {
      const above = [...before, ...list.slice(0, position)];
      places.push({ node, index: places.length, depth, before: above, ...(within ? { within } : {}) });
      if (!isPathsStep(node)) return;
      const inside = [...above, node];
      for (const path of node.paths) walk(path.steps, inside, depth + 1, { paths: node, path: path.key });
      if (node.otherwise) walk(node.otherwise.steps, inside, depth + 1, { paths: node, path: "otherwise" });
    });
  };
  walk(definition.steps, [], 0);
  return places;
}

/** The steps that call an action, depth-first. */
export function listActionSteps(definition: FlowDefinition): FlowStep[] {
  return listSteps(definition)
    .map((place) => place.node)
    .filter((node): node is FlowStep => !isPathsStep(node));
}

/** The step with `key` (Paths steps included) and its place. */
export function findPlace(definition: FlowDefinition, key: string): StepPlace | undefined {
  return listSteps(definition).find((place) => place.node.key === key);
}

/** The action step with `key`, and its depth-first position. */
export function findStep(definition: FlowDefinition, key: string): { step: FlowStep; index: number } | undefined {
  const place = findPlace(definition, key);
  return place && !isPathsStep(place.node) ? { step: place.node, index: place.index } : undefined;
}

/** The definition with every action step, at any depth, replaced by what `change` makes of it. */
export function mapActionSteps(definition: FlowDefinition, change: (step: FlowStep) => FlowStep): FlowDefinition {
  const mapList = (list: FlowNode[]): FlowNode[] =>
    list.map((node) => {
      if (!isPathsStep(node)) return change(node);
      return {
        ...node,
        paths: node.paths.map((path) => ({ ...path, steps: mapList(path.steps) })),
        ...(node.otherwise ? { otherwise: { steps: mapList(node.otherwise.steps) } } : {}),
      };
    });
  return { ...definition, steps: mapList(definition.steps) };
}
