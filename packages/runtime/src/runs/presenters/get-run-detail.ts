import { type Prisma, prisma } from "@ledgerflow/db";
import { z } from "zod";
import { type AppEventSummary, describeAppEventRun } from "../../triggers/event/describe-app-event";

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
  flow: { select: { id: true, name: true, publishedVersionId: true } },
  flowVersion: { select: { id: true, number: true } },
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

export type RunDetail = Prisma.RunGetPayload<{ select: typeof runDetailSelect }> & {
  /** For a run a connector trigger started: its trigger and record by name, for the page's heading. */
  appEvent: AppEventSummary | null;
};
export type StepRunDetail = RunDetail["steps"][number];

export async function getRunDetail(rawInput: GetRunDetailInput): Promise<RunDetail | null> {
  const { workspaceId, runId } = getRunDetailInput.parse(rawInput);
  const run = await prisma.run.findFirst({ where: { id: runId, workspaceId }, select: runDetailSelect });
  return run ? { ...run, appEvent: appEventOf(run.trigger) } : null;
}

function appEventOf(trigger: unknown): AppEventSummary | null {
  if (typeof trigger !== "object" || trigger === null) return null;
  const { type, trigger: key, record } = trigger as Record<string, unknown>;
  return type === "event" && typeof key === "string" ? describeAppEventRun(key, record) : null;
}
