import { prisma } from "@ledgerflow/db";
import { describeWrites } from "@ledgerflow/engine";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors/domain-errors";
import type { TriggerEvent } from "../triggers/trigger-event";
import { type CarriedStepRun, createRun } from "./create-run";
import { planReplay, replayableRunSelect } from "./plan-replay";

export interface ReplayRunInput {
  workspaceId: string;
  userId: string;
  runId: string;
  /**
   * restart: a new run from the first step on the flow's current published version.
   * resume (FAILED or CANCELLED runs): a new run on the version the run used, starting at the first
   * step that did not succeed and reusing the outputs of those that did — so nothing already written
   * to Xero is written again.
   */
  mode: "restart" | "resume";
  /**
   * A restart repeats the writes of the steps that already succeeded (a second invoice): it is
   * refused unless the person was told so and agreed, which the caller says by passing true.
   */
  confirmRepeat?: boolean;
}

const FINISHED = ["SUCCEEDED", "FAILED", "FILTERED", "SKIPPED", "CANCELLED"] as const;

/**
 * Did the step's last call perhaps reach Xero? Yes when it ended in a retryable error (a timeout,
 * a 5xx, a dropped connection: Xero may have written before the answer was lost) or never ended
 * (the run stopped during it). A refusal (validation, not found) wrote nothing.
 */
function outcomeUnknown(step: { status: string; error: unknown }): boolean {
  if (step.status === "RUNNING") return true;
  return step.status === "FAILED" && (step.error as { retryable?: unknown } | null)?.retryable === true;
}

export async function replayRun(input: ReplayRunInput): Promise<{ runId: string }> {
  const original = await prisma.run.findFirst({
    where: { id: input.runId, workspaceId: input.workspaceId },
    select: replayableRunSelect,
  });
  if (!original) throw new NotFoundError("Run");
  // A duplicate's event is its first run's: re-running it there keeps one history per event.
  if (original.status === "DUPLICATE") {
    throw new InvalidInputError(
      "This run is a duplicate delivery: re-run the first run of its event instead.",
      "runId",
    );
  }
  if (!(FINISHED as readonly string[]).includes(original.status)) {
    throw new InvalidInputError("This run has not finished yet; wait for it before re-running.", "runId");
  }

  // Retention removed the event and the steps' outputs: a restart would have no event to run on, and
  // a resume would feed empty outputs to the remaining steps and write wrong data to Xero.
  if (original.payloadPrunedAt) {
    throw new InvalidInputError(
      "This run's payload was removed after the retention period, so it cannot be re-run.",
      "runId",
    );
  }

  const resume = input.mode === "resume";
  const plan = await planReplay(input.workspaceId, original);
  if (resume && !plan.resume) {
    throw new InvalidInputError(
      original.status === "FAILED" || original.status === "CANCELLED"
        ? "Every step of this run succeeded: there is nothing left to re-run."
        : "Only a failed or cancelled run has steps left to re-run; re-run it from the start instead.",
      "mode",
    );
  }
  const versionId = resume ? original.flowVersionId : original.flow.publishedVersionId;
  if (!versionId) {
    throw new InvalidInputError("The flow has never been switched on: switch it on, then re-run.", "runId");
  }
  if (!resume && plan.restart?.repeatsWrites && input.confirmRepeat !== true) {
    throw new ConflictError(
      `Re-running from the start ${describeWrites(plan.restart.writes)}, because steps that already succeeded run again. ` +
        `Confirm the re-run to go ahead${plan.resume ? ", or re-run only the steps that did not succeed" : ""}.`,
    );
  }

  const succeeded = original.steps.filter((step) => step.status === "SUCCEEDED");
  const uncertain = resume ? original.steps.filter(outcomeUnknown) : [];

  // Carried-over steps keep their original idempotency keys. A succeeded one records what was
  // written, once. One whose last call may have reached Xero (it timed out, or the run stopped
  // during it) is carried FAILED so that its re-run repeats that call's key: if Xero did write, it
  // answers with that object instead of making a second.
  const carried = [...(resume ? succeeded : []), ...uncertain];
  const run = await createRun({
    workspaceId: input.workspaceId,
    flowId: original.flowId,
    flowVersionId: versionId,
    // The event as the first run stored it (never pruned here: a pruned run was refused above).
    event: original.trigger as unknown as TriggerEvent,
    replay: {
      replayOfId: original.id,
      resumeFromStepKey: resume ? (plan.resume?.fromStepKey ?? null) : null,
      carriedSteps: carried.map((step) => ({
        stepKey: step.stepKey,
        index: step.index,
        action: step.action,
        status: step.status === "SUCCEEDED" ? ("SUCCEEDED" as const) : ("FAILED" as const),
        input: step.input ?? undefined,
        output: step.status === "SUCCEEDED" ? (step.output ?? {}) : undefined,
        error: step.status === "SUCCEEDED" ? undefined : (step.error ?? undefined),
        attemptErrors: step.attemptErrors ?? undefined,
        attempts: 0,
        idempotencyKey: step.idempotencyKey,
        startedAt: step.startedAt,
        finishedAt: step.finishedAt,
        durationMs: step.durationMs,
      })) as CarriedStepRun[],
    },
  });
  return { runId: run.id };
}
