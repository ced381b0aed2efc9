import { Prisma, prisma } from "@ledgerflow/db";

/**
 * Retention: drops the trigger payload and step inputs/outputs of finished runs older than
 * `retentionDays`, keeping the rows (status, timing, errors) for history and charts, and forgets
 * the webhook event ids whose deduplication window has passed.
 * Runs as the system across workspaces. Returns how many runs were pruned.
 */
export async function pruneRunPayloads(retentionDays: number, batch = 5_000): Promise<number> {
  await forgetExpiredEventIds(batch);
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
  let total = 0;
  for (;;) {
    const runs = await prisma.run.findMany({
      where: {
        createdAt: { lt: cutoff },
        payloadPrunedAt: null,
        status: { in: ["SUCCEEDED", "FAILED", "SKIPPED", "CANCELLED", "DUPLICATE", "FILTERED"] },
      },
      select: { id: true, workspaceId: true },
      take: batch,
    });
    if (runs.length === 0) return total;
    const ids = runs.map((run) => run.id);
    await prisma.$transaction([
      prisma.stepRun.updateMany({
        where: { runId: { in: ids } },
        data: { input: Prisma.DbNull, output: Prisma.DbNull },
      }),
      prisma.run.updateMany({
        where: { id: { in: ids } },
        data: { trigger: Prisma.DbNull, payloadPrunedAt: new Date() },
      }),
    ]);
    total += runs.length;
  }
}

/**
 * An expired event id no longer makes duplicates (ingress takes it over), so deleting it changes
 * nothing but the table's size. In batches, so one day's ids never make one long transaction.
 */
async function forgetExpiredEventIds(batch: number): Promise<void> {
  const now = new Date();
  for (;;) {
    const deleted = await prisma.$executeRaw`
      DELETE FROM "WebhookEvent" WHERE ("flowId", "eventId") IN (
        SELECT "flowId", "eventId" FROM "WebhookEvent" WHERE "expiresAt" < ${now} LIMIT ${batch})`;
    if (deleted < batch) return;
  }
}
