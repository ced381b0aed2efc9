"use client";

import {
  defaultStepInput,
  type FlowDefinition,
  type FlowNode,
  listSteps,
  type PathsStep,
  type PublishProblem,
} from "@ledgerflow/engine";
import { createContext, useContext, useEffect, useMemo, useState } from "react";
import type { CatalogEntry, ConnectionChoice, StepSampleView } from "../editor-types";
import { newStepKey } from "../step-key";
import { insertNode, type ListAt, moveNode, newPathsStep, removeNode, replaceNode, updatePathsStep } from "./step-tree";

// What every list of the editor's tree needs — the main line's and each path's, however deep: the
// data its cards show and the changes they make. Given once by the editor through a context rather
// than handed down every level of paths.

export interface StepTree {
  definition: FlowDefinition;
  /** Each step's number, as `listSteps` orders them (run history numbers them the same). */
  numberOf: (key: string) => number;
  catalog: CatalogEntry[];
  connections: ConnectionChoice[];
  samples: StepSampleView[];
  problems: PublishProblem[];
  readOnly: boolean;
  openStep: (key: string) => void;
  openPath: (paths: string, path: string) => void;
  addStep: (at: ListAt, actionKey: string) => void;
  addPaths: (at: ListAt) => void;
  replaceStep: (node: FlowNode) => void;
  moveStep: (key: string, to: number) => void;
  removeStep: (key: string) => void;
  changePaths: (key: string, change: (node: PathsStep) => PathsStep) => void;
  /** Focuses the element with this id once the change being made is drawn. */
  focusLater: (id: string) => void;
}

const StepTreeContext = createContext<StepTree | null>(null);
export const StepTreeProvider = StepTreeContext.Provider;

export function useStepTree(): StepTree {
  const tree = useContext(StepTreeContext);
  if (!tree) throw new Error("useStepTree is used outside the flow editor");
  return tree;
}

/** The ids the tree's controls have, so that problems and focus can find them. */
export const treeIds = {
  path: (paths: string, path: string) => `lf-path-${paths}-${path}`,
  editPath: (paths: string, path: string) => `lf-path-${paths}-${path}-edit`,
  addToPath: (paths: string, path: string) => `lf-path-${paths}-${path}-add`,
  addPath: (paths: string) => `lf-paths-${paths}-add-path`,
  paths: (paths: string) => `lf-paths-${paths}`,
};

type StepTreeOptions = Pick<
  StepTree,
  "definition" | "catalog" | "connections" | "samples" | "problems" | "readOnly" | "openStep" | "openPath"
> & { update: (change: (current: FlowDefinition) => FlowDefinition) => void };

/** The editor's StepTree over its draft: every change goes through the pure tree functions. */
export function useStepTreeEditor(options: StepTreeOptions): StepTree {
  const { definition, update, catalog, connections, samples, problems, readOnly, openStep, openPath } = options;
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    const element = document.getElementById(focusId);
    if (!element) return;
    element.focus();
    element.scrollIntoView({ block: "nearest" });
    setFocusId(null);
  });

  const numbers = useMemo(
    () => new Map(listSteps(definition).map((place) => [place.node.key, place.index + 1])),
    [definition],
  );

  const setSteps = (change: (steps: FlowNode[]) => FlowNode[]) =>
    update((current) => ({ ...current, steps: change(current.steps) }));
  const takenKeys = () => listSteps(definition).map((place) => place.node.key);

  return {
    definition,
    numberOf: (key) => numbers.get(key) ?? 0,
    catalog,
    connections,
    samples,
    problems,
    readOnly,
    openStep,
    openPath,
    addStep: (at, actionKey) => {
      const key = newStepKey(actionKey, takenKeys());
      // A lone organisation is chosen at once, for a step that needs one (a Filter or a Formatter does not).
      const entry = catalog.find((candidate) => candidate.key === actionKey);
      const needed = entry?.connection;
      const own = needed && !needed.optional ? connections.filter((c) => c.provider === needed.provider) : [];
      const connectionId = own.length === 1 ? own[0]?.id : undefined;
      setSteps((steps) =>
        // Its choices start at their defaults: no required dropdown opens empty.
        insertNode(steps, at, {
          key,
          action: actionKey,
          input: defaultStepInput(entry?.fields ?? []),
          ...(connectionId ? { connectionId } : {}),
        }),
      );
      openStep(key);
    },
    addPaths: (at) => {
      const node = newPathsStep(newStepKey("paths", takenKeys()));
      setSteps((steps) => insertNode(steps, at, node));
      setFocusId(treeIds.editPath(node.key, node.paths[0]?.key ?? ""));
    },
    replaceStep: (node) => setSteps((steps) => replaceNode(steps, node)),
    moveStep: (key, to) => setSteps((steps) => moveNode(steps, key, to)),
    removeStep: (key) => setSteps((steps) => removeNode(steps, key)),
    changePaths: (key, change) => setSteps((steps) => updatePathsStep(steps, key, change)),
    focusLater: setFocusId,
  };
}
