"use client";

import { MAX_PATHS, OTHERWISE_PATH, type PathsStep } from "@ledgerflow/engine";
import { PlusIcon, SplitIcon, Trash2Icon } from "lucide-react";
import { useState } from "react";
import { plural } from "../../plural";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { ToFix } from "../to-fix";
import { PathBranch } from "./path-branch";
import { addPath, countSteps } from "./step-tree";
import { treeIds, useStepTree } from "./use-step-tree";

const RUNS: { value: PathsStep["runs"]; label: string; help: string }[] = [
  { value: "all", label: "Run every path whose conditions hold", help: "in order, one after the other" },
  { value: "first", label: "Only the first that holds", help: "the paths are tried top to bottom" },
];

/**
 * A Paths step, as Zapier's: a card saying which paths run, then each path below it — its name,
 * conditions and own steps — "+ Add a path" (up to MAX_PATHS) and the optional path for when no other
 * path matches. Removing it removes its paths and their steps, so it asks first.
 */
export function PathsCard({ node }: { node: PathsStep }) {
  const tree = useStepTree();
  const [confirming, setConfirming] = useState(false);
  const number = tree.numberOf(node.key);
  const label = `Step ${number}: Paths`;
  const titleId = treeIds.paths(node.key);
  const problemCount = tree.problems.filter((problem) => problem.stepKey === node.key).length;
  const inside = countSteps(node.paths.flatMap((path) => path.steps)) + countSteps(node.otherwise?.steps ?? []);
  const pathCount = node.paths.length + (node.otherwise ? 1 : 0);
  const full = node.paths.length >= MAX_PATHS;

  return (
    <section aria-labelledby={titleId} className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-3.5 shadow-xs">
        <div className="flex items-start gap-3">
          <span
            aria-hidden
            className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-lg bg-violet-50 text-xs font-semibold text-violet-700 ring-1 ring-violet-100"
          >
            {number}
          </span>
          <div className="flex min-w-0 flex-1 flex-col gap-0.5">
            <span className="inline-flex items-center gap-1 text-xs font-medium text-slate-500">
              <SplitIcon aria-hidden className="size-3.5" />
              Paths
            </span>
            <h3 id={titleId} tabIndex={-1} className="text-sm font-medium text-slate-900 outline-none">
              <span className="sr-only">{label}: </span>
              Split into {plural(pathCount, "path")}
            </h3>
            <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
              <span>Each path runs its own steps when its conditions hold</span>
              <ToFix count={problemCount} />
            </span>
          </div>
          {tree.readOnly ? null : (
            <Button variant="ghost" size="icon" aria-label={`Remove ${label}`} onClick={() => setConfirming(true)}>
              <Trash2Icon />
            </Button>
          )}
        </div>
        <fieldset disabled={tree.readOnly} className="flex min-w-0 flex-col gap-1.5 border-t border-slate-100 pt-3">
          <legend className="sr-only">Which paths run ({label})</legend>
          {RUNS.map((choice) => (
            <label key={choice.value} className="flex items-start gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name={`${node.key}-runs`}
                value={choice.value}
                checked={node.runs === choice.value}
                onChange={() => tree.changePaths(node.key, (current) => ({ ...current, runs: choice.value }))}
                className="mt-0.5 size-4 shrink-0 accent-brand-600"
              />
              <span>
                {choice.label} <span className="text-xs text-slate-500">({choice.help})</span>
              </span>
            </label>
          ))}
        </fieldset>
      </div>

      <ol aria-label={`Paths of step ${number}`} className="flex flex-col gap-5">
        {node.paths.map((path) => (
          <PathBranch key={path.key} node={node} path={path} />
        ))}
        {node.otherwise ? <PathBranch node={node} path={null} /> : null}
      </ol>

      {tree.readOnly ? null : (
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          <Button
            id={treeIds.addPath(node.key)}
            variant="secondary"
            size="sm"
            aria-label={`Add a path (step ${number})`}
            disabled={full}
            title={full ? `At most ${MAX_PATHS} paths` : undefined}
            onClick={() => {
              const added = addPath(node).paths.at(-1);
              tree.changePaths(node.key, addPath);
              if (added) tree.focusLater(treeIds.editPath(node.key, added.key));
            }}
          >
            <PlusIcon />
            Add a path
          </Button>
          {node.otherwise ? null : (
            <Button
              variant="secondary"
              size="sm"
              aria-label={`Add a path for when none match (step ${number})`}
              onClick={() => {
                tree.changePaths(node.key, (current) => ({ ...current, otherwise: { steps: [] } }));
                tree.focusLater(treeIds.addToPath(node.key, OTHERWISE_PATH));
              }}
            >
              <PlusIcon />
              Add a path for when none match
            </Button>
          )}
        </div>
      )}

      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Remove ${label}?`}
        description={`Its ${plural(pathCount, "path")}${inside > 0 ? ` and the ${plural(inside, "step")} on them are` : " are"} removed too.`}
        confirmLabel="Remove the paths"
        pendingLabel="Removing…"
        pending={false}
        onConfirm={() => {
          setConfirming(false);
          tree.removeStep(node.key);
        }}
      />
    </section>
  );
}
