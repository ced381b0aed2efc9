import { type Prisma, prisma } from "@ledgerflow/db";
import {
  type FlowDefinition,
  type FlowStep,
  listActionSteps,
  type PlannedWrite,
  stepWrites,
  upgradeFlowDefinition,
} from "@ledgerflow/engine";
import { z } from "zod";
import { appConnectors } from "../connectors/app-connectors";

// What each way of re-running a run would write to Xero, from the steps themselves: which are
// writes (the catalog's `writes`) and to which organisation (the step's connection). The run page
// says it before anyone clicks, and replayRun refuses a restart that would repeat a write unless
// the caller confirms it — the same facts for every button and the API.

export interface ReplayPlan {
  /**
   * From the start, on the flow's current published version (null when it has none). `again` marks
   * the writes whose step already succeeded in this run: they are written a second time.
   */
  restart: { writes: PlannedWrite[]; repeatsWrites: boolean } | null;
  /**
   * Only the steps that did not succeed, on the version the run used, reusing the outputs of those
   * that did (null where nothing is left to re-run: the run succeeded or was skipped).
   */
  resume: { fromStepKey: string; writes: PlannedWrite[] } | null;
}

/** Runs that stopped before their end, so that steps may be left to re-run. */
export const RESUMABLE_STATUSES = ["FAILED", "CANCELLED"] as const;

export const replayableRunSelect = {
  id: true,
  status: true,
  trigger: true,
  payloadPrunedAt: true,
  flowId: true,
  flowVersionId: true,
  flowVersion: { select: { definition: true } },
  flow: { select: { publishedVersionId: true, publishedVersion: { select: { definition: true } } } },
  steps: { orderBy: { index: "asc" } },
} satisfies Prisma.RunSelect;

export type ReplayableRun = Prisma.RunGetPayload<{ select: typeof replayableRunSelect }>;

/** A step of the version, or (the version unreadable) one recorded in the run: no input then. */
type PlannedStep = Pick<FlowStep, "key" | "action" | "connectionId"> & { input?: FlowStep["input"] };

function readDefinition(json: unknown): FlowDefinition | null {
  try {
    return upgradeFlowDefinition(json);
  } catch {
    return null;
  }
}

async function organisationNames(workspaceId: string, steps: FlowStep[]): Promise<Map<string, string>> {
  const ids = [...new Set(steps.flatMap((step) => (step.connectionId ? [step.connectionId] : [])))];
  if (ids.length === 0) return new Map();
  const connections = await prisma.connection.findMany({
    where: { workspaceId, id: { in: ids } },
    select: { id: true, name: true },
  });
  return new Map(connections.map((connection) => [connection.id, connection.name]));
}

export async function planReplay(workspaceId: string, run: ReplayableRun): Promise<ReplayPlan> {
  const catalog = appConnectors().catalog;
  const succeeded = new Map(
    run.steps.filter((step) => step.status === "SUCCEEDED").map((step) => [step.stepKey, step.action]),
  );
  const wroteBefore = (step: PlannedStep) => {
    const action = succeeded.get(step.key);
    return action !== undefined && stepWrites(catalog.get(action), step.input ?? {}) !== undefined;
  };
  const published = readDefinition(run.flow.publishedVersion?.definition);
  const used = readDefinition(run.flowVersion?.definition);
  // Every path's steps: which paths a run takes is only known when it runs.
  const publishedSteps = published ? listActionSteps(published) : null;
  const usedSteps = used ? listActionSteps(used) : null;
  const names = await organisationNames(workspaceId, [...(publishedSteps ?? []), ...(usedSteps ?? [])]);
  const writesOf = (steps: PlannedStep[], again: (step: PlannedStep) => boolean): PlannedWrite[] =>
    steps.flatMap((step) => {
      const writes = stepWrites(catalog.get(step.action), step.input ?? {});
      if (!writes) return [];
      const organisation = step.connectionId ? names.get(step.connectionId) : undefined;
      return [{ writes, again: again(step), ...(organisation ? { organisation } : {}) }];
    });

  const restartWrites = publishedSteps ? writesOf(publishedSteps, wroteBefore) : null;
  // A version that can no longer be read still has its steps recorded: the ones that did not succeed.
  const recorded = run.steps
    .filter((step) => step.status !== "SUCCEEDED")
    .map((step) => ({ key: step.stepKey, action: step.action }));
  const remaining = (RESUMABLE_STATUSES as readonly string[]).includes(run.status)
    ? (usedSteps?.filter((step) => !succeeded.has(step.key)) ?? recorded)
    : [];
  return {
    restart: restartWrites
      ? { writes: restartWrites, repeatsWrites: restartWrites.some((write) => write.again) }
      : null,
    resume: remaining[0] ? { fromStepKey: remaining[0].key, writes: writesOf(remaining, () => false) } : null,
  };
}

export const getReplayPlanInput = z.object({ workspaceId: z.string().min(1), runId: z.string().min(1) });

/** The run page's view of planReplay; null for a run of another workspace (or none). */
export async function getReplayPlan(rawInput: z.input<typeof getReplayPlanInput>): Promise<ReplayPlan | null> {
  const { workspaceId, runId } = getReplayPlanInput.parse(rawInput);
  const run = await prisma.run.findFirst({ where: { id: runId, workspaceId }, select: replayableRunSelect });
  return run ? planReplay(workspaceId, run) : null;
}
