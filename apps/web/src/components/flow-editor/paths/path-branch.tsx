"use client";

import { type FlowPath, OTHERWISE_PATH, type PathsStep } from "@ledgerflow/engine";
import { AlertCircleIcon, SlidersHorizontalIcon, Trash2Icon } from "lucide-react";
import { useState } from "react";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "../../ui/confirm-dialog";
import { describeConditions } from "../conditions/describe-conditions";
import { StepList } from "./step-list";
import { countSteps, removePath } from "./step-tree";
import { treeIds, useStepTree } from "./use-step-tree";

/** How the path taken when no other path's conditions hold is named (as the run page names it). */
export const OTHERWISE_NAME = "When no other path matches";

/** The switch-on problems of one path of a Paths step: `paths.<key>.…`, or `otherwise.steps`. */
export const isPathProblem = (field: string | undefined, path: string) =>
  path === OTHERWISE_PATH ? field === "otherwise.steps" : (field?.startsWith(`paths.${path}.`) ?? false);

/**
 * One path of a Paths step (or, with `path` null, the one for when no other matches): its name, its
 * conditions in words with "Edit conditions", what keeps it from switching on, and its own steps —
 * which may end in Paths again. Removing a path that has steps asks first.
 */
export function PathBranch({ node, path }: { node: PathsStep; path: FlowPath | null }) {
  const tree = useStepTree();
  const [confirming, setConfirming] = useState(false);
  const key = path?.key ?? OTHERWISE_PATH;
  const name = path?.name ?? OTHERWISE_NAME;
  const steps = path ? path.steps : (node.otherwise?.steps ?? []);
  const headingId = treeIds.path(node.key, key);
  const problems = tree.problems.filter((problem) => problem.stepKey === node.key && isPathProblem(problem.field, key));
  const summary = path ? describeConditions(path.conditions) : undefined;
  const lastPath = path !== null && node.paths.length <= 1;
  const inside = countSteps(steps);

  const remove = () => {
    setConfirming(false);
    tree.changePaths(node.key, (current) => removePath(current, key));
    tree.focusLater(treeIds.addPath(node.key));
  };

  return (
    <li aria-labelledby={headingId} className="flex min-w-0 flex-col gap-4 border-l-2 border-violet-200 pl-3 sm:pl-5">
      <div className="flex flex-col gap-2 rounded-lg bg-slate-50 px-3 py-2.5 ring-1 ring-slate-200">
        <div className="flex items-start justify-between gap-2">
          <div className="flex min-w-0 flex-col gap-0.5">
            <h3 id={headingId} tabIndex={-1} className="text-sm font-semibold break-words text-slate-900 outline-none">
              {name}
            </h3>
            <p className="text-xs break-words text-slate-600">
              {path === null
                ? "Runs when no other path's conditions hold"
                : summary
                  ? `Only when ${summary}`
                  : "No conditions yet"}
            </p>
          </div>
          {tree.readOnly ? null : (
            <Button
              variant="ghost"
              size="icon"
              aria-label={`Remove the path ${name}`}
              disabled={lastPath}
              title={lastPath ? "A Paths step keeps at least one path: remove the step instead" : undefined}
              onClick={() => (inside > 0 ? setConfirming(true) : remove())}
            >
              <Trash2Icon />
            </Button>
          )}
        </div>
        {path ? (
          <Button
            id={treeIds.editPath(node.key, key)}
            variant="secondary"
            size="sm"
            className="self-start"
            aria-label={`${tree.readOnly ? "View" : "Edit"} conditions: ${name}`}
            onClick={() => tree.openPath(node.key, key)}
          >
            <SlidersHorizontalIcon />
            {tree.readOnly ? "View" : "Edit"} conditions
          </Button>
        ) : null}
        {problems.length > 0 ? (
          <ul aria-label={`To fix on ${name}`} className="flex flex-col gap-1 text-xs text-amber-800">
            {problems.map((problem) => (
              <li key={`${problem.field}:${problem.message}`} className="flex items-start gap-1.5">
                <AlertCircleIcon aria-hidden className="mt-px size-3.5 shrink-0" />
                <span className="break-words">{problem.message}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <StepList steps={steps} at={{ paths: node.key, path: key }} label={`Steps of ${name}`} pathName={name} />
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Remove the path ${name}?`}
        description={`Its ${inside === 1 ? "step is" : `${inside} steps are`} removed too.`}
        confirmLabel="Remove the path"
        pendingLabel="Removing…"
        pending={false}
        onConfirm={remove}
      />
    </li>
  );
}
