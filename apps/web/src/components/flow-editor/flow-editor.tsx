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
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import {
  buildSampleContext,
  type CatalogAction,
  createCatalog,
  type FlowDefinition,
  type FlowNode,
  type FlowStep,
  findPlace,
  isPathsStep,
  listDataReferences,
  listSteps,
  type PublishProblem,
  sameFlowBehaviour,
  validateFlowDefinitionForPublish,
} from "@ledgerflow/engine";
import { EyeIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { FlowEnabledSwitch } from "../flows/flow-enabled-switch";
import { Sheet, SheetContent } from "../ui/sheet";
import { AddStepDialog } from "./add-step-dialog";
import { DeleteFlowButton } from "./delete-flow-button";
import type { FlowEditorProps, StepSampleView } from "./editor-types";
import { FlowHeader } from "./flow-header";
import { PublishChanges } from "./publish-changes";
import { isTriggerProblem, PublishProblems } from "./publish-problems";
import { RunNowDialog } from "./run-now-dialog";
import { SaveIndicator } from "./save-indicator";
import { StepCard } from "./step-card";
import { newStepKey } from "./step-key";
import { StepPanel } from "./step-panel";
import { TriggerCard } from "./trigger-card";
import { TriggerPanel } from "./trigger-panel";
import { useFlowDraft } from "./use-flow-draft";

const TRIGGER = "trigger";

/** Why the last switch-on or "Publish changes" was refused, and the draft it was about. */
interface Refusal {
  problems: PublishProblem[];
  by: "switch-on" | "publish";
  draft: FlowDefinition;
}

/** The trigger sample's body: what "Run now" offers to start with. */
function sampleBodyOf(definition: FlowDefinition): unknown {
  const sample = definition.trigger.sample;
  return sample && "body" in sample ? sample.body : undefined;
}

/** The flow editor: trigger and steps in a column, each opening a side panel; autosaved. */
export function FlowEditor(props: FlowEditorProps) {
  const { flow, catalog, triggers, connections, samples: initialSamples, readOnly } = props;
  const { draft, update, status, flush } = useFlowDraft(flow.id, flow.draft, readOnly);
  const [samples, setSamples] = useState<StepSampleView[]>(initialSamples);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [webhook, setWebhook] = useState(flow.webhook);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // A refusal describes the draft it was about: once the user edits, the live checks take over.
  const shownRefusal = refusal?.draft === draft ? refusal : null;
  const [name, setName] = useState(flow.name);
  const [enabled, setEnabled] = useState(flow.enabled);
  // What runs use now; replaced by the draft whenever it is published (switch on, "Publish changes").
  const [published, setPublished] = useState(flow.published?.definition ?? null);
  const unpublishedChanges = enabled && published !== null && !sameFlowBehaviour(draft, published);

  // The browser's catalog has no `run` (it stays on the server); validation and the data picker
  // only read keys, fields and output samples.
  const engineCatalog = useMemo(() => createCatalog(catalog as unknown as CatalogAction[]), [catalog]);
  const problems = useMemo(() => validateFlowDefinitionForPublish(draft, engineCatalog), [draft, engineCatalog]);
  const shownProblems = shownRefusal?.problems ?? problems;
  // Only the server checks the trigger (connections, the connector's fields): its refusal says what to fix.
  const triggerProblems = shownProblems.filter(isTriggerProblem);
  const sampleOutputs = useMemo(
    () =>
      Object.fromEntries(
        samples.filter((sample) => sample.output != null).map((sample) => [sample.stepKey, sample.output]),
      ),
    [samples],
  );
  const stepTitles = new Map(
    listSteps(draft).map(({ node, index }) => [
      node.key,
      `Step ${index + 1} (${isPathsStep(node) ? "Paths" : (catalog.find((entry) => entry.key === node.action)?.title ?? node.action)})`,
    ]),
  );
  // The main line's action steps; a Paths step (version 2) is drawn by the paths editor.
  const lineSteps = draft.steps.filter((node): node is FlowStep => !isPathsStep(node));

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const setSteps = (change: (steps: FlowNode[]) => FlowNode[]) =>
    update((current) => ({ ...current, steps: change(current.steps) }));
  const moveStep = (from: number, to: number) => setSteps((steps) => arrayMove(steps, from, to));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const keys = draft.steps.map((step) => step.key);
    moveStep(keys.indexOf(String(active.id)), keys.indexOf(String(over.id)));
  };
  const addStep = (actionKey: string) => {
    const key = newStepKey(
      actionKey,
      listSteps(draft).map((place) => place.node.key),
    );
    // A lone organisation is chosen at once, for a step that needs one (a Filter or a Formatter does not).
    const needed = catalog.find((entry) => entry.key === actionKey)?.connection;
    const own = needed && !needed.optional ? connections.filter((c) => c.provider === needed.provider) : [];
    const connectionId = own.length === 1 ? own[0]?.id : undefined;
    setSteps((steps) => [...steps, { key, action: actionKey, input: {}, ...(connectionId ? { connectionId } : {}) }]);
    setOpenKey(key);
  };

  const openPlace = openKey === null ? undefined : findPlace(draft, openKey);
  const openStepIndex = openPlace?.index ?? -1;
  const openStep = openPlace && !isPathsStep(openPlace.node) ? openPlace.node : undefined;
  const openAction = openStep ? catalog.find((entry) => entry.key === openStep.action) : undefined;

  return (
    <div className="flex min-h-screen flex-col">
      <FlowHeader
        flowId={flow.id}
        name={flow.name}
        description={flow.description}
        readOnly={readOnly}
        onRenamed={setName}
      >
        {readOnly ? null : <SaveIndicator status={status} />}
        {unpublishedChanges ? (
          <PublishChanges
            flowId={flow.id}
            readOnly={readOnly}
            flush={flush}
            onPublished={() => setPublished(draft)}
            onProblems={(problems) => setRefusal(problems.length > 0 ? { problems, by: "publish", draft } : null)}
          />
        ) : null}
        {/* An app event's run carries the record it is about: it is replayed from history, not typed in. */}
        {enabled && !readOnly && published?.trigger.type !== "event" ? (
          <RunNowDialog
            flowId={flow.id}
            sampleBody={sampleBodyOf(draft)}
            published={published}
            catalog={catalog}
            connections={connections}
          />
        ) : null}
        <FlowEnabledSwitch
          flowId={flow.id}
          flowName={name}
          enabled={flow.enabled}
          disabled={readOnly}
          beforeEnable={flush}
          onEnabledChange={(on) => {
            setEnabled(on);
            // Switching on published what the switch had just saved: the draft as it was then.
            if (on) setPublished(draft);
          }}
          onProblems={(problems) => setRefusal(problems.length > 0 ? { problems, by: "switch-on", draft } : null)}
        />
        {readOnly ? null : <DeleteFlowButton flowId={flow.id} flowName={name} />}
      </FlowHeader>

      <div className="mx-auto flex w-full max-w-2xl flex-col gap-5 px-4 py-6 sm:px-8 sm:py-8">
        {readOnly ? (
          <p className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600">
            <EyeIcon aria-hidden className="size-4 text-slate-400" />
            You can view this flow. Ask an owner or editor to change it.
          </p>
        ) : null}
        <PublishProblems
          problems={shownProblems}
          refused={shownRefusal?.by ?? null}
          stepTitles={stepTitles}
          onOpenStep={setOpenKey}
          onOpenTrigger={() => setOpenKey(TRIGGER)}
        />

        <ol aria-label="Steps" className="flex flex-col">
          <li className="flex flex-col items-center">
            <TriggerCard
              trigger={draft.trigger}
              triggers={triggers}
              connections={connections}
              problemCount={triggerProblems.length}
              onOpen={() => setOpenKey(TRIGGER)}
            />
            <span aria-hidden className="h-5 w-px bg-slate-300" />
          </li>
          <li>
            <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
              <SortableContext items={lineSteps.map((step) => step.key)} strategy={verticalListSortingStrategy}>
                <ol aria-label="Actions" className="flex flex-col gap-5">
                  {lineSteps.map((step, index) => (
                    <StepCard
                      key={step.key}
                      step={step}
                      index={index}
                      count={lineSteps.length}
                      action={catalog.find((entry) => entry.key === step.action)}
                      connection={connections.find((connection) => connection.id === step.connectionId)}
                      sample={samples.find((sample) => sample.stepKey === step.key)}
                      problemCount={problems.filter((problem) => problem.stepKey === step.key).length}
                      readOnly={readOnly}
                      onOpen={() => setOpenKey(step.key)}
                      onMove={(to) => moveStep(index, to)}
                      onRemove={() => setSteps((steps) => steps.filter((candidate) => candidate.key !== step.key))}
                    />
                  ))}
                </ol>
              </SortableContext>
            </DndContext>
          </li>
        </ol>
        {readOnly ? null : <AddStepDialog catalog={catalog} onAdd={addStep} />}
      </div>

      <Sheet
        open={openKey !== null && (openKey === TRIGGER || openStep !== undefined)}
        onOpenChange={(open) => !open && setOpenKey(null)}
      >
        {openKey === TRIGGER ? (
          <SheetContent title="Trigger" description="What starts this flow, and the sample data to build with.">
            <TriggerPanel
              flowId={flow.id}
              trigger={draft.trigger}
              onChange={(trigger) => update((current) => ({ ...current, trigger }))}
              webhook={webhook}
              onWebhookChange={(change) => setWebhook((current) => ({ ...current, ...change }))}
              triggers={triggers}
              connections={connections}
              polling={flow.polling}
              problems={triggerProblems}
              readOnly={readOnly}
            />
          </SheetContent>
        ) : openStep ? (
          <SheetContent
            title={`${openStepIndex + 1}. ${openAction?.title ?? openStep.action}`}
            description={`Use its results later as {{steps.${openStep.key}.…}}`}
          >
            <StepPanel
              flowId={flow.id}
              step={openStep}
              catalog={catalog}
              connections={connections}
              groups={listDataReferences({
                definition: draft,
                stepKey: openStep.key,
                sampleOutputs,
                catalog: engineCatalog,
              })}
              sampleContext={buildSampleContext({
                definition: draft,
                stepKey: openStep.key,
                sampleOutputs,
                catalog: engineCatalog,
              })}
              sample={samples.find((sample) => sample.stepKey === openStep.key)}
              problems={problems.filter((problem) => problem.stepKey === openStep.key)}
              readOnly={readOnly}
              onChange={(step) =>
                setSteps((steps) => steps.map((candidate) => (candidate.key === step.key ? step : candidate)))
              }
              flush={flush}
              onTested={(sample) =>
                setSamples((current) => [
                  ...current.filter((candidate) => candidate.stepKey !== sample.stepKey),
                  sample,
                ])
              }
            />
          </SheetContent>
        ) : null}
      </Sheet>
    </div>
  );
}
