import { prisma } from "@ledgerflow/db";
import { eventually } from "./app-processes";

/** Waits for a run to end (SUCCEEDED or FAILED) and returns it with its steps. */
export function finishedRun(runId: string, workspaceId: string, timeoutMs = 60_000) {
  return eventually(
    async () => {
      const run = await prisma.run.findFirst({
        where: { id: runId, workspaceId },
        include: { steps: { orderBy: { index: "asc" } } },
      });
      return run && ["SUCCEEDED", "FAILED"].includes(run.status) ? run : undefined;
    },
    { timeoutMs, what: `run ${runId} to finish` },
  );
}
