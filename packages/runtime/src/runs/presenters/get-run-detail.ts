import { type Prisma, prisma } from "@ledgerflow/db";
import {
  type FlowDefinition,
  listSteps,
  OTHERWISE_PATH,
  renderRunTitle,
  upgradeFlowDefinition,
} from "@ledgerflow/engine";
import { z } from "zod";
import { type AppEventSummary, describeAppEventRun } from "../../triggers/event/describe-app-event";
import { readRunTitleTemplates } from "./run-titles";
import { stepTitleOf } from "./step-title";

// Everything the run detail page shows: the trigger event, each step's resolved input, output or
// error with attempts and timing, what the run replays, and the run a duplicate repeats. A run of
// another workspace reads as "not found" (null), never as "forbidden": its existence is not disclosed.

export const getRunDetailInput = z.object({
  workspaceId: z.string().min(1),
  runId: z.string().min(1),
});

export type GetRunDetailInput = z.input<typeof getRunDetailInput>;

const runDetailSelect = {
  id: true,
  status: true,
  source: true,
  trigger: true,
  error: true,
  stopReason: true,
  nextAttemptAt: true,
  attempts: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  durationMs: true,
  payloadPrunedAt: true,
  replayOfId: true,
  resumeFromStepKey: true,
  eventId: true,
  duplicateOfId: true,
  flow: { select: { id: true, name: true, publishedVersionId: true, publishedVersion: { select: { number: true } } } },
  flowVersion: { select: { id: true, number: true, definition: true } },
  steps: {
    orderBy: { index: "asc" },
    select: {
      id: true,
      stepKey: true,
      index: true,
      action: true,
      status: true,
      input: true,
      output: true,
      error: true,
      attemptErrors: true,
      attempts: true,
      startedAt: true,
      finishedAt: true,
      durationMs: true,
    },
  },
} satisfies Prisma.RunSelect;

export type RunDetail = Omit<Prisma.RunGetPayload<{ select: typeof runDetailSelect }>, "flowVersion"> & {
  flowVersion: { id: string; number: number } | null;
  /** For a run a connector trigger started: its trigger and record by name, for the page's heading. */
  appEvent: AppEventSummary | null;
  /** Where each step sits in the version's tree, by step key: steps inside paths are drawn indented. */
  stepPlaces: Record<string, StepRunPlace>;
  /** The run's summary line, as its row in the history shows it. */
  title: string | null;
  /** Each step's action in words ("Find or create contact"), by step key. */
  stepTitles: Record<string, string>;
  /**
   * For a run that ran no version (SKIPPED, DUPLICATE): the version that was published when it
   * arrived — what would have run had the flow been on — or null when the flow had none yet.
   */
  versionAtReceipt: { number: number } | null;
};

export interface StepRunPlace {
  /** 0 on the main line, 1 inside a path… */
  depth: number;
  /** The name of the path the step is in, innermost. */
  pathName?: string;
}
export type StepRunDetail = RunDetail["steps"][number];

export async function getRunDetail(rawInput: GetRunDetailInput): Promise<RunDetail | null> {
  const { workspaceId, runId } = getRunDetailInput.parse(rawInput);
  const run = await prisma.run.findFirst({ where: { id: runId, workspaceId }, select: runDetailSelect });
  if (!run) return null;
  const { flowVersion, ...rest } = run;
  // Versions are created by publishing: the newest one older than the run was the published one.
  const versionAtReceipt = flowVersion
    ? null
    : await prisma.flowVersion.findFirst({
        where: { workspaceId, flowId: run.flow.id, createdAt: { lte: run.createdAt } },
        orderBy: { number: "desc" },
        select: { number: true },
      });
  const template = (await readRunTitleTemplates(workspaceId, [run.flow.id])).get(run.flow.id);
  const appEvent = appEventOf(run.trigger);
  return {
    ...rest,
    flowVersion: flowVersion ? { id: flowVersion.id, number: flowVersion.number } : null,
    appEvent,
    title: (template && renderRunTitle(template.template, run.trigger)) || appEvent?.record || null,
    stepPlaces: placesOf(flowVersion?.definition),
    stepTitles: Object.fromEntries(run.steps.map((step) => [step.stepKey, stepTitleOf(step.action)])),
    versionAtReceipt,
  };
}

function placesOf(stored: unknown): Record<string, StepRunPlace> {
  let definition: FlowDefinition;
  try {
    definition = upgradeFlowDefinition(stored);
  } catch {
    return {};
  }
  const places: Record<string, StepRunPlace> = {};
  for (const { node, depth, within } of listSteps(definition)) {
    const pathName =
      within?.path === OTHERWISE_PATH
        ? "When no other path matches"
        : within?.paths.paths.find((path) => path.key === within.path)?.name;
    places[node.key] = { depth, ...(pathName ? { pathName } : {}) };
  }
  return places;
}

function appEventOf(trigger: unknown): AppEventSummary | null {
  if (typeof trigger !== "object" || trigger === null) return null;
  const { type, trigger: key, record } = trigger as Record<string, unknown>;
  return type === "event" && typeof key === "string" ? describeAppEventRun(key, record) : null;
}
