import { type Prisma, prisma } from "@ledgerflow/db";
import { InvalidInputError, NotFoundError } from "../errors/domain-errors";
import { enqueueRun } from "./enqueue-run";

export interface ReplayRunInput {
  workspaceId: string;
  userId: string;
  runId: string;
  /**
   * restart: a new run from the first step on the flow's current published version.
   * resume (FAILED runs only): a new run on the version the run used, starting at the failed step and
   * reusing the outputs of the steps that succeeded — so nothing already written to Xero is written again.
   */
  mode: "restart" | "resume";
}

const FINISHED = ["SUCCEEDED", "FAILED", "SKIPPED", "CANCELLED"] as const;

export async function replayRun(input: ReplayRunInput): Promise<{ runId: string }> {
  const original = await prisma.run.findFirst({
    where: { id: input.runId, workspaceId: input.workspaceId },
    select: {
      id: true,
      status: true,
      trigger: true,
      payloadPrunedAt: true,
      flowId: true,
      flowVersionId: true,
      flow: { select: { publishedVersionId: true } },
      steps: { orderBy: { index: "asc" } },
    },
  });
  if (!original) throw new NotFoundError("Run");
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
  if (resume && original.status !== "FAILED") {
    throw new InvalidInputError("Only a failed run can be resumed from its failed step.", "mode");
  }
  const versionId = resume ? original.flowVersionId : original.flow.publishedVersionId;
  if (!versionId) {
    throw new InvalidInputError("The integration has never been switched on: switch it on, then re-run.", "runId");
  }

  const succeeded = original.steps.filter((step) => step.status === "SUCCEEDED");
  const failedStepKey = original.steps.find((step) => step.status === "FAILED")?.stepKey ?? null;

  const run = await prisma.$transaction(async (tx) => {
    const created = await tx.run.create({
      data: {
        workspaceId: input.workspaceId,
        flowId: original.flowId,
        flowVersionId: versionId,
        status: "QUEUED",
        source: "REPLAY",
        trigger: original.trigger as Prisma.InputJsonValue,
        replayOfId: original.id,
        resumeFromStepKey: resume ? failedStepKey : null,
      },
      select: { id: true, workspaceId: true },
    });
    if (resume && succeeded.length > 0) {
      // Carried-over steps keep their original idempotency keys: they record what was written, once.
      await tx.stepRun.createMany({
        data: succeeded.map((step) => ({
          workspaceId: input.workspaceId,
          runId: created.id,
          stepKey: step.stepKey,
          index: step.index,
          action: step.action,
          status: "SUCCEEDED" as const,
          input: step.input ?? undefined,
          output: step.output ?? {},
          attempts: 0,
          idempotencyKey: step.idempotencyKey,
          startedAt: step.startedAt,
          finishedAt: step.finishedAt,
          durationMs: step.durationMs,
        })) as Prisma.StepRunCreateManyInput[],
      });
    }
    return created;
  });
  await enqueueRun(run);
  return { runId: run.id };
}
