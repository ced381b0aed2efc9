import {
  type FlowDefinition,
  type FlowNode,
  type FlowPath,
  findPlace,
  isPathsStep,
  MAX_PATH_DEPTH,
  MAX_PATHS,
  OTHERWISE_PATH,
  type PathsStep,
} from "@ledgerflow/engine";

// The editor's changes to a definition's tree of steps (flow-definition.ts, version 2): replace,
// insert, move or remove a step in any list — the main line or a path's own — without touching the
// rest. Every function is pure and immutable: an unchanged list comes back as the same array, so
// React redraws only what changed. A Paths step stays the last of its list, as the schema requires.

/** Where a list of steps is: the main line (null), or one path of a Paths step (as `listSteps`' `within`, by key). */
export type ListAt = { paths: string; path: string } | null;

/** The list a Paths step's path holds (`otherwise` for the fallback path), if it has one. */
export function pathSteps(node: PathsStep, path: string): FlowNode[] | undefined {
  if (path === OTHERWISE_PATH) return node.otherwise?.steps;
  return node.paths.find((candidate) => candidate.key === path)?.steps;
}

/** Each of a Paths step's lists changed by `change`; the same node when none changed. */
function mapPathLists(node: PathsStep, change: (steps: FlowNode[], path: string) => FlowNode[]): PathsStep {
  let changed = false;
  const paths = node.paths.map((path) => {
    const steps = change(path.steps, path.key);
    if (steps === path.steps) return path;
    changed = true;
    return { ...path, steps };
  });
  const before = node.otherwise?.steps;
  const after = before ? change(before, OTHERWISE_PATH) : undefined;
  if (!changed && after === before) return node;
  return { ...node, paths, ...(after && after !== before ? { otherwise: { steps: after } } : {}) };
}

/** The node with `key`, wherever it is, changed by `change` (null removes it); the same list when absent. */
export function updateNode(steps: FlowNode[], key: string, change: (node: FlowNode) => FlowNode | null): FlowNode[] {
  let changed = false;
  const next = steps.flatMap((node): FlowNode[] => {
    if (node.key === key) {
      const replaced = change(node);
      if (replaced !== node) changed = true;
      return replaced ? [replaced] : [];
    }
    if (!isPathsStep(node)) return [node];
    const inner = mapPathLists(node, (list) => updateNode(list, key, change));
    if (inner !== node) changed = true;
    return [inner];
  });
  return changed ? next : steps;
}

/** The Paths step with `key` changed by `change`. */
export function updatePathsStep(steps: FlowNode[], key: string, change: (node: PathsStep) => PathsStep): FlowNode[] {
  return updateNode(steps, key, (node) => (isPathsStep(node) ? change(node) : node));
}

/** The list at `at` changed by `change`. */
export function updateList(steps: FlowNode[], at: ListAt, change: (list: FlowNode[]) => FlowNode[]): FlowNode[] {
  if (at === null) return change(steps);
  return updatePathsStep(steps, at.paths, (node) =>
    mapPathLists(node, (list, path) => (path === at.path ? change(list) : list)),
  );
}

export const replaceNode = (steps: FlowNode[], node: FlowNode) => updateNode(steps, node.key, () => node);

export const removeNode = (steps: FlowNode[], key: string) => updateNode(steps, key, () => null);

export const endsInPaths = (list: readonly FlowNode[]) => {
  const last = list.at(-1);
  return last !== undefined && isPathsStep(last);
};

/** `node` added at the end of the list at `at` — before its Paths step, which stays last. */
export function insertNode(steps: FlowNode[], at: ListAt, node: FlowNode): FlowNode[] {
  return updateList(steps, at, (list) =>
    endsInPaths(list) && !isPathsStep(node) ? [...list.slice(0, -1), node, ...list.slice(-1)] : [...list, node],
  );
}

/** The list holding the node with `key`, and the node's position in it. */
export function locate(
  steps: FlowNode[],
  key: string,
  at: ListAt = null,
): { at: ListAt; position: number } | undefined {
  for (const [position, node] of steps.entries()) {
    if (node.key === key) return { at, position };
    if (!isPathsStep(node)) continue;
    const lists = [
      ...node.paths.map((path) => [path.key, path.steps] as const),
      ...(node.otherwise ? [[OTHERWISE_PATH, node.otherwise.steps] as const] : []),
    ];
    for (const [path, list] of lists) {
      const found = locate(list, key, { paths: node.key, path });
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The node with `key` moved to position `to` of its own list. A Paths step neither moves nor is
 * passed: it stays the last of its list.
 */
export function moveNode(steps: FlowNode[], key: string, to: number): FlowNode[] {
  const found = locate(steps, key);
  if (!found) return steps;
  return updateList(steps, found.at, (list) => {
    const last = endsInPaths(list) ? list.length - 2 : list.length - 1;
    const node = list[found.position];
    if (!node || isPathsStep(node) || to < 0 || to > last || to === found.position) return list;
    const rest = list.filter((_, index) => index !== found.position);
    return [...rest.slice(0, to), node, ...rest.slice(to)];
  });
}

/** How deep the list at `at` is: 0 for the main line, 1 inside a path, 2 inside a path of a path… */
export function listDepth(definition: FlowDefinition, at: ListAt): number {
  if (at === null) return 0;
  return (findPlace(definition, at.paths)?.depth ?? 0) + 1;
}

/** Whether a list may end in a new Paths step: it does not already, and paths may go one level deeper. */
export function canAddPaths(definition: FlowDefinition, at: ListAt, list: readonly FlowNode[]): boolean {
  return !endsInPaths(list) && listDepth(definition, at) < MAX_PATH_DEPTH;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** A new path, "Path C" (`path_c`), lettered by the first letter no path of the step has as key or name. */
export function newPath(paths: readonly FlowPath[]): FlowPath {
  const keys = new Set(paths.map((path) => path.key));
  const names = new Set(paths.map((path) => path.name.toLowerCase()));
  const letter =
    [...LETTERS].find((candidate) => !keys.has(`path_${candidate}`) && !names.has(`path ${candidate}`)) ??
    [...LETTERS].find((candidate) => !keys.has(`path_${candidate}`)) ??
    "z";
  return { key: `path_${letter}`, name: `Path ${letter.toUpperCase()}`, conditions: [], steps: [] };
}

/** "Add paths": Path A and Path B, no conditions or steps yet; every path whose conditions hold runs. */
export function newPathsStep(key: string): PathsStep {
  const first = newPath([]);
  return { key, type: "paths", runs: "all", paths: [first, newPath([first])] };
}

/** One more path, while the step has fewer than MAX_PATHS. */
export function addPath(node: PathsStep): PathsStep {
  if (node.paths.length >= MAX_PATHS) return node;
  return { ...node, paths: [...node.paths, newPath(node.paths)] };
}

/** A path removed with its steps; the fallback path by `otherwise`. A Paths step keeps at least one path. */
export function removePath(node: PathsStep, path: string): PathsStep {
  if (path === OTHERWISE_PATH) {
    const { otherwise: _removed, ...rest } = node;
    return rest;
  }
  if (node.paths.length <= 1) return node;
  return { ...node, paths: node.paths.filter((candidate) => candidate.key !== path) };
}

/** The path with `key` changed by `change`. */
export function updatePath(node: PathsStep, key: string, change: (path: FlowPath) => FlowPath): PathsStep {
  return { ...node, paths: node.paths.map((path) => (path.key === key ? change(path) : path)) };
}

/** How many steps a list holds, those inside its paths too. */
export function countSteps(list: readonly FlowNode[]): number {
  return list.reduce(
    (count, node) =>
      count +
      1 +
      (isPathsStep(node)
        ? node.paths.reduce((sum, path) => sum + countSteps(path.steps), 0) + countSteps(node.otherwise?.steps ?? [])
        : 0),
    0,
  );
}
