import { prisma } from "@ledgerflow/db";

// A poll holds its flow's cursor for at most this long: a worker that died mid-poll leaves it to
// the next poll after that (which repeats its work: runs are found by their ids, not made twice).
const LEASE_SECONDS = 300;

/** Takes the flow's cursor for one poll; null while another poll holds it (or the flow is not armed). */
export async function claimTriggerCursor(flowId: string, workspaceId: string): Promise<{ since: Date } | null> {
  const [row] = await prisma.$queryRaw<{ since: Date }[]>`
    UPDATE "TriggerCursor" SET "leaseUntil" = now() + make_interval(secs => ${LEASE_SECONDS}), "updatedAt" = now()
    WHERE "flowId" = ${flowId} AND "workspaceId" = ${workspaceId}
      AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
    RETURNING "since"`;
  return row ?? null;
}

/** Gives the cursor back: moved on after a poll that finished, where it was after one that did not. */
export async function releaseTriggerCursor(
  flow: { flowId: string; workspaceId: string },
  { since, failure }: { since: Date; failure: string | null },
): Promise<void> {
  await prisma.triggerCursor.updateMany({
    where: { flowId: flow.flowId, workspaceId: flow.workspaceId },
    data: { since, leaseUntil: null, lastPolledAt: new Date(), lastFailure: failure },
  });
}
