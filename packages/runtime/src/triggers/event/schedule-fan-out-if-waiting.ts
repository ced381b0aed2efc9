import { prisma } from "@ledgerflow/db";
import { scheduleFanOut } from "./schedule-fan-out";

/**
 * Called once an account's fan-out job has completed (and so left the queue). An event stored
 * while that job was finishing — after its last look for waiting events — could not get a job of
 * its own (one job per account: the add was ignored), so it is given one now rather than waiting
 * for the sweeper. Any event stored after this look gets its own job, as the queue is free.
 */
export async function scheduleFanOutIfWaiting(provider: string, account: string): Promise<boolean> {
  const waiting = await prisma.connectorEvent.findFirst({
    where: { provider, accountExternalId: account, fannedOutAt: null },
    select: { id: true },
  });
  if (waiting) await scheduleFanOut(provider, [account]);
  return waiting !== null;
}
