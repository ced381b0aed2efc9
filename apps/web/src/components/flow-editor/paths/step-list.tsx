"use client";

import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { type FlowNode, type FlowStep, isPathsStep } from "@ledgerflow/engine";
import { SplitIcon } from "lucide-react";
import { Button } from "../../ui/button";
import { AddStepDialog } from "../add-step-dialog";
import { StepCard } from "../step-card";
import { PathsCard } from "./paths-card";
import { canAddPaths, type ListAt } from "./step-tree";
import { treeIds, useStepTree } from "./use-step-tree";

interface StepListProps {
  steps: FlowNode[];
  at: ListAt;
  /** The list's name for screen readers: "Actions", "Steps of Card payments". */
  label: string;
  /** The path it belongs to, named on its buttons ("Add a step to Card payments"); none on the main line. */
  pathName?: string;
}

/**
 * One list of steps — the main line or a path's — with the Paths step that may end it and, below,
 * "Add a step" and "Add paths". Its action steps are sorted by dragging within the list (each list
 * its own drag area) or with their up and down buttons.
 */
export function StepList({ steps, at, label, pathName }: StepListProps) {
  const tree = useStepTree();
  const actions = steps.filter((node): node is FlowStep => !isPathsStep(node));
  const last = steps.at(-1);
  const paths = last && isPathsStep(last) ? last : undefined;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    tree.moveStep(
      String(active.id),
      actions.findIndex((step) => step.key === over.id),
    );
  };
  const to = pathName ? ` to ${pathName}` : "";
  const addId = at ? treeIds.addToPath(at.paths, at.path) : undefined;

  return (
    <div className="flex min-w-0 flex-col gap-4">
      {actions.length > 0 ? (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={actions.map((step) => step.key)} strategy={verticalListSortingStrategy}>
            <ol aria-label={label} className="flex flex-col gap-4">
              {actions.map((step, position) => (
                <StepCard
                  key={step.key}
                  step={step}
                  number={tree.numberOf(step.key)}
                  position={position}
                  count={actions.length}
                  action={tree.catalog.find((entry) => entry.key === step.action)}
                  connection={tree.connections.find((connection) => connection.id === step.connectionId)}
                  sample={tree.samples.find((sample) => sample.stepKey === step.key)}
                  problemCount={tree.problems.filter((problem) => problem.stepKey === step.key).length}
                  readOnly={tree.readOnly}
                  onOpen={() => tree.openStep(step.key)}
                  onMove={(position) => tree.moveStep(step.key, position)}
                  onRemove={() => tree.removeStep(step.key)}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      ) : null}
      {tree.readOnly ? null : paths ? (
        // Steps go before the Paths step, which stays the last of its list.
        <AddStepDialog
          catalog={tree.catalog}
          onAdd={(actionKey) => tree.addStep(at, actionKey)}
          label="Add a step before the paths"
          name={pathName ? `Add a step to ${pathName} before its paths` : undefined}
          id={addId}
          className="h-8 w-auto self-start"
        />
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row">
          <AddStepDialog
            catalog={tree.catalog}
            onAdd={(actionKey) => tree.addStep(at, actionKey)}
            name={pathName ? `Add a step${to}` : undefined}
            id={addId}
            className="sm:flex-1"
          />
          {canAddPaths(tree.definition, at, steps) ? (
            <Button
              variant="secondary"
              className="border-dashed sm:flex-1"
              aria-label={pathName ? `Add paths${to}` : undefined}
              onClick={() => tree.addPaths(at)}
            >
              <SplitIcon />
              Add paths
            </Button>
          ) : null}
        </div>
      )}
      {paths ? <PathsCard node={paths} /> : null}
    </div>
  );
}
