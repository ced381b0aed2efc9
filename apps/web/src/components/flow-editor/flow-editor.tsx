"use client";

import {
  buildSampleContext,
  type CatalogAction,
  connectionIdsOf,
  createCatalog,
  type FlowDefinition,
  fillHelpStepKeys,
  findMissingSampleReferences,
  findPlace,
  isPathsStep,
  listDataReferences,
  listSteps,
  OTHERWISE_PATH,
  type PublishProblem,
  sameFlowBehaviour,
  validateFlowDefinitionForPublish,
} from "@ledgerflow/engine";
import { AlertTriangleIcon, EyeIcon } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { lostConnectionMessage } from "../connections/lost-connection-message";
import { FlowEnabledSwitch } from "../flows/flow-enabled-switch";
import { Sheet, SheetContent } from "../ui/sheet";
import { DeleteFlowButton } from "./delete-flow-button";
import type { FlowEditorProps, StepSampleView } from "./editor-types";
import { FlowHeader } from "./flow-header";
import { FlowRunTitle } from "./flow-run-title";
import { FlowTimeZone } from "./flow-time-zone";
import { isPathProblem } from "./paths/path-branch";
import { PathPanel } from "./paths/path-panel";
import { StepList } from "./paths/step-list";
import { updatePath } from "./paths/step-tree";
import { StepTreeProvider, treeIds, useStepTreeEditor } from "./paths/use-step-tree";
import { PublishChanges } from "./publish-changes";
import { isTriggerProblem, PublishProblems } from "./publish-problems";
import { RunNowDialog } from "./run-now-dialog";
import { SaveIndicator } from "./save-indicator";
import { StepPanel } from "./step-panel";
import { TestRecordsSection } from "./test-records-section";
import { stepReaders, testStaleness } from "./test-staleness";
import { TestStateProvider } from "./test-state";
import { TriggerCard } from "./trigger-card";
import { TriggerPanel } from "./trigger-panel";
import { useFlowDraft } from "./use-flow-draft";
import { useFlowSwitch } from "./use-flow-switch";

const TRIGGER = "trigger";

/** Why the last switch-on or "Publish changes" was refused, and the draft it was about. */
interface Refusal {
  problems: PublishProblem[];
  by: "switch-on" | "publish";
  draft: FlowDefinition;
  /** Set when every problem is a warning: switches on (or publishes) accepting them. */
  acceptAnyway?: () => void;
}

/** The trigger sample's body: what "Run now" offers to start with. */
function sampleBodyOf(definition: FlowDefinition): unknown {
  const sample = definition.trigger.sample;
  return sample && "body" in sample ? sample.body : undefined;
}

/** The flow editor: trigger and steps in a column, each opening a side panel; autosaved. */
export function FlowEditor(props: FlowEditorProps) {
  const { flow, catalog, triggers, connections, samples: initialSamples, readOnly, opening } = props;
  const [testRecords, setTestRecords] = useState(props.testRecords);
  const { draft, update, status, flush } = useFlowDraft(flow.id, flow.draft, readOnly);
  const [samples, setSamples] = useState<StepSampleView[]>(initialSamples);
  const [openKey, setOpenKey] = useState<string | null>(() =>
    opening && (opening.step === TRIGGER || findPlace(flow.draft, opening.step)) ? opening.step : null,
  );
  // A path's panel (its name and conditions), by its Paths step's key and its own.
  const [openPath, setOpenPath] = useState<{ paths: string; path: string } | null>(null);
  const [webhook, setWebhook] = useState(flow.webhook);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // A refusal describes the draft it was about: once the user edits, the live checks take over.
  const shownRefusal = refusal?.draft === draft ? refusal : null;
  const [name, setName] = useState(flow.name);
  const { enabled, setEnabled, published, setPublished } = useFlowSwitch(flow.id, {
    enabled: flow.enabled,
    updatedAt: flow.updatedAt,
    published: flow.published?.definition ?? null,
  });
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
  // Which tests are out of date, and who reads each step's result (test-staleness.ts).
  const tests = useMemo(() => {
    const titleOf = (key: string) => {
      const node = findPlace(draft, key)?.node;
      return node && !isPathsStep(node) ? (catalog.find((entry) => entry.key === node.action)?.title ?? key) : key;
    };
    return {
      staleness: testStaleness({ definition: draft, samples, catalog: engineCatalog, titleOf }),
      readers: stepReaders(draft, titleOf),
    };
  }, [draft, samples, catalog, engineCatalog]);
  // Mappings to values the samples lack: under their fields at once; at switch-on, warnings to accept.
  const warnings = useMemo(
    () => findMissingSampleReferences({ definition: draft, sampleOutputs, catalog: engineCatalog }),
    [draft, sampleOutputs, engineCatalog],
  );
  const stepTitles = new Map(
    listSteps(draft).map(({ node, index }) => [
      node.key,
      `Step ${index + 1} (${isPathsStep(node) ? "Paths" : (catalog.find((entry) => entry.key === node.action)?.title ?? node.action)})`,
    ]),
  );
  const openStepPanel = (key: string | null) => {
    setOpenPath(null);
    setOpenKey(key);
  };
  const tree = useStepTreeEditor({
    definition: draft,
    update,
    catalog,
    connections,
    samples,
    problems,
    readOnly,
    openStep: openStepPanel,
    openPath: (paths, path) => {
      setOpenKey(null);
      setOpenPath({ paths, path });
    },
  });
  // A problem of a Paths step opens the path it is about: its conditions, or its steps to add one.
  const openProblem = (stepKey: string, field: string | undefined) => {
    const node = findPlace(draft, stepKey)?.node;
    if (!node || !isPathsStep(node)) return openStepPanel(stepKey);
    const path = [...node.paths.map((candidate) => candidate.key), OTHERWISE_PATH].find((key) =>
      isPathProblem(field, key),
    );
    if (path && field?.endsWith(".conditions")) return tree.openPath(stepKey, path);
    // Its "Add a step" (none for a viewer: then the path's name), or the Paths step itself.
    const target =
      (path &&
        (document.getElementById(treeIds.addToPath(stepKey, path)) ??
          document.getElementById(treeIds.path(stepKey, path)))) ||
      document.getElementById(treeIds.paths(stepKey));
    target?.scrollIntoView({ block: "center" });
    target?.focus();
  };

  // Connections the draft uses that stopped working: said at the top, and on each card that uses one.
  const usedConnections = new Set(connectionIdsOf(draft));
  const lostConnections = connections.filter(
    (connection) => usedConnections.has(connection.id) && connection.status !== "ACTIVE",
  );

  const openPlace = openKey === null ? undefined : findPlace(draft, openKey);
  const openStepIndex = openPlace?.index ?? -1;
  const openStep = openPlace && !isPathsStep(openPlace.node) ? openPlace.node : undefined;
  const openAction = openStep ? catalog.find((entry) => entry.key === openStep.action) : undefined;
  const openPathsPlace = openPath ? findPlace(draft, openPath.paths) : undefined;
  const openPathsStep = openPathsPlace && isPathsStep(openPathsPlace.node) ? openPathsPlace.node : undefined;
  const openPathValue = openPathsStep?.paths.find((path) => path.key === openPath?.path);
  const pickerOptions = (stepKey: string) => ({ definition: draft, stepKey, sampleOutputs, catalog: engineCatalog });

  const editor = (
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
            onProblems={(problems, acceptAnyway) =>
              setRefusal(problems.length > 0 ? { problems, by: "publish", draft, acceptAnyway } : null)
            }
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
          enabled={enabled}
          disabled={readOnly}
          beforeEnable={flush}
          onEnabledChange={(on) => {
            setEnabled(on);
            // Switching on published what the switch had just saved: the draft as it was then.
            if (on) setPublished(draft);
          }}
          onProblems={(problems, acceptAnyway) =>
            setRefusal(problems.length > 0 ? { problems, by: "switch-on", draft, acceptAnyway } : null)
          }
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
        {lostConnections.map((connection) =>
          connection.status === "ACTIVE" ? null : (
            <p
              key={connection.id}
              role="note"
              className="flex items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
            >
              <AlertTriangleIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-700" />
              <span>
                {lostConnectionMessage(connection.providerTitle, connection.status)}: {connection.name} is used by the
                steps marked below.{" "}
                <Link href="/connections" className="font-medium underline hover:no-underline">
                  Go to Connections
                </Link>
              </span>
            </p>
          ),
        )}
        <FlowTimeZone
          value={draft.timeZone}
          onChange={(timeZone) => update((current) => ({ ...current, timeZone }))}
          readOnly={readOnly}
        />
        <FlowRunTitle
          value={draft.runTitle}
          trigger={draft.trigger}
          onChange={(runTitle) => update((current) => ({ ...current, runTitle }))}
          readOnly={readOnly}
        />
        <PublishProblems
          problems={shownProblems}
          refused={shownRefusal?.by ?? null}
          onAcceptAnyway={shownRefusal?.acceptAnyway}
          stepTitles={stepTitles}
          onOpenStep={openProblem}
          onOpenTrigger={() => openStepPanel(TRIGGER)}
        />

        <ol aria-label="Steps" className="flex flex-col">
          <li className="flex flex-col items-center">
            <TriggerCard
              trigger={draft.trigger}
              triggers={triggers}
              connections={connections}
              problemCount={triggerProblems.length}
              onOpen={() => openStepPanel(TRIGGER)}
            />
            <span aria-hidden className="h-5 w-px bg-slate-300" />
          </li>
          <li>
            <StepTreeProvider value={tree}>
              <StepList steps={draft.steps} at={null} label="Actions" />
            </StepTreeProvider>
          </li>
        </ol>
        <TestRecordsSection flowId={flow.id} records={testRecords} readOnly={readOnly} onChange={setTestRecords} />
      </div>

      <Sheet
        open={(openKey !== null && (openKey === TRIGGER || openStep !== undefined)) || openPathValue !== undefined}
        onOpenChange={(open) => !open && openStepPanel(null)}
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
              key={openStep.key}
              flowId={flow.id}
              step={openStep}
              catalog={catalog}
              connections={connections}
              groups={listDataReferences(pickerOptions(openStep.key))}
              sampleContext={buildSampleContext(pickerOptions(openStep.key))}
              sample={samples.find((sample) => sample.stepKey === openStep.key)}
              problems={problems.filter((problem) => problem.stepKey === openStep.key)}
              revealProblems={refusal !== null}
              warnings={warnings.filter((warning) => warning.stepKey === openStep.key)}
              fillHelp={(help) => fillHelpStepKeys(help, openPlace?.before ?? [], engineCatalog)}
              readOnly={readOnly}
              onChange={tree.replaceStep}
              focusField={opening?.step === openStep.key ? opening.field : undefined}
              flush={flush}
              onTested={(sample) =>
                setSamples((current) => [
                  ...current.filter((candidate) => candidate.stepKey !== sample.stepKey),
                  sample,
                ])
              }
            />
          </SheetContent>
        ) : openPathsStep && openPathValue ? (
          <SheetContent
            title={openPathValue.name}
            description={`A path of step ${(openPathsPlace?.index ?? 0) + 1} (Paths): its steps run when these conditions hold.`}
          >
            <PathPanel
              key={`${openPathsStep.key}:${openPathValue.key}`}
              path={openPathValue}
              groups={listDataReferences(pickerOptions(openPathsStep.key))}
              sampleContext={buildSampleContext(pickerOptions(openPathsStep.key))}
              problems={problems.filter(
                (problem) =>
                  problem.stepKey === openPathsStep.key && problem.field === `paths.${openPathValue.key}.conditions`,
              )}
              readOnly={readOnly}
              onChange={(path) => tree.changePaths(openPathsStep.key, (node) => updatePath(node, path.key, () => path))}
            />
          </SheetContent>
        ) : null}
      </Sheet>
    </div>
  );
  return (
    <TestStateProvider value={{ ...tests, records: testRecords, setRecords: setTestRecords }}>
      {editor}
    </TestStateProvider>
  );
}
