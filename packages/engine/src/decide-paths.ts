// A Paths step's decision: each path's conditions resolved against the run's data so far and
// decided with the conditions core, explained path by path — which paths run, and why the others
// do not. The decision is the step's output: a resumed run reads it back instead of deciding again,
// so a run never takes a different path halfway through.
import { StepError } from "./action-definition";
import { readConditions } from "./conditions/conditions-field";
import { evaluateConditions } from "./conditions/evaluate-conditions";
import { explainConditions } from "./conditions/explain-conditions";
import type { FlowNode, PathsStep } from "./flow-definition";
import { type PlainObject, readOwn } from "./plain-data";
import { resolveStepInput, type TemplateContext } from "./template-resolver";

/** What run history stores as a Paths step's action. */
export const PATHS_ACTION = "paths";

/** The key of the path taken when no other path's conditions hold. */
export const OTHERWISE_PATH = "otherwise";

export interface PathsDecision {
  /** The keys of the paths that run, in order ("otherwise" for the fallback). */
  taken: string[];
  /** Every path's conditions, decided and explained. */
  paths: { key: string; name: string; passed: boolean; explanation: string }[];
}

export type DecidePathsResult =
  | { ok: true; resolved: PlainObject; decision: PathsDecision }
  | { ok: false; resolved: PlainObject; error: StepError };

export function decidePaths(node: PathsStep, context: TemplateContext, now: Date, timeZone = "UTC"): DecidePathsResult {
  const mappings: PlainObject = Object.fromEntries(node.paths.map((path) => [path.key, path.conditions]));
  const { value: resolved } = resolveStepInput(mappings, context);
  const paths: PathsDecision["paths"] = [];
  for (const path of node.paths) {
    const read = readConditions(readOwn(resolved, path.key) ?? []);
    if (!read.ok) {
      const error = new StepError(`The conditions of path "${path.name}" ${read.reason}`, {
        code: "invalid_input",
        field: `paths.${path.key}.conditions`,
      });
      return { ok: false, resolved, error };
    }
    const result = evaluateConditions(read.value, now, timeZone);
    paths.push({ key: path.key, name: path.name, passed: result.passed, explanation: explainConditions(result) });
  }
  const passing = paths.filter((path) => path.passed).map((path) => path.key);
  const chosen = node.runs === "first" ? passing.slice(0, 1) : passing;
  const taken = chosen.length === 0 && node.otherwise ? [OTHERWISE_PATH] : chosen;
  return { ok: true, resolved, decision: { taken, paths } };
}

/** The steps of the paths a decision takes, in order. */
export function takenBranches(node: PathsStep, decision: PathsDecision): { key: string; steps: FlowNode[] }[] {
  return decision.taken.flatMap((key) => {
    if (key === OTHERWISE_PATH) return node.otherwise ? [{ key, steps: node.otherwise.steps }] : [];
    const path = node.paths.find((candidate) => candidate.key === key);
    return path ? [{ key, steps: path.steps }] : [];
  });
}

/** Why a run stopped at a Paths step whose paths all failed, and it has no "otherwise". */
export function noPathReason(decision: PathsDecision): string {
  const why = decision.paths.map((path) => `${path.name}: ${path.explanation}`).join("; ");
  return `Stopped: no path's conditions held (${why})`;
}
