import { Prisma, prisma } from "@ledgerflow/db";
import type { CreateRunInput, NewRunRow } from "./create-run";

export interface RunInsert extends NewRunRow {
  /** Given for ids derived from what started the run; otherwise Prisma makes one. */
  id: string | undefined;
  replay: CreateRunInput["replay"];
}

export interface StoredRun {
  id: string;
  workspaceId: string;
  status: "QUEUED" | "SKIPPED";
  duplicateOfId: null;
}

/**
 * Inserts a run through Prisma (every source but webhooks, see create-run.ts). A replay's carried
 * step runs are written in the same transaction, so a re-run never starts without the outputs and
 * idempotency keys it reuses. A given id that is already taken is a retry of the same start (a
 * schedule firing): that run is returned, for the caller to enqueue again — the first try may have
 * died between its insert and its enqueue, and jobId = runId keeps one job.
 */
export async function insertRun(input: RunInsert): Promise<StoredRun> {
  const { replay } = input;
  const data = {
    id: input.id,
    workspaceId: input.workspaceId,
    flowId: input.flowId,
    flowVersionId: input.flowVersionId,
    status: input.status,
    source: input.source,
    trigger: input.trigger as unknown as Prisma.InputJsonValue,
    error: input.error ?? undefined,
    finishedAt: input.finishedAt ?? undefined,
    replayOfId: replay?.replayOfId,
    resumeFromStepKey: replay?.resumeFromStepKey,
  };
  const select = { id: true, workspaceId: true } as const;
  const carried = replay?.carriedSteps ?? [];
  try {
    const created =
      carried.length === 0
        ? await prisma.run.create({ data, select })
        : await prisma.$transaction(async (tx) => {
            const run = await tx.run.create({ data, select });
            await tx.stepRun.createMany({
              data: carried.map((step) => ({ ...step, workspaceId: run.workspaceId, runId: run.id })),
            });
            return run;
          });
    return { ...created, status: input.status, duplicateOfId: null };
  } catch (error) {
    const taken = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
    if (!(taken && input.id)) throw error;
    return { id: input.id, workspaceId: input.workspaceId, status: input.status, duplicateOfId: null };
  }
}
