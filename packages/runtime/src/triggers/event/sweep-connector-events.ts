import { prisma } from "@ledgerflow/db";
import { scheduleFanOut } from "./schedule-fan-out";

/**
 * Gives every account with events waiting longer than `graceMs` a fan-out job: an event stored
 * while its account's job was finishing, or whose job Redis lost, is fanned out all the same.
 * Adding is idempotent (one job per account), so every worker may sweep.
 */
export async function sweepConnectorEvents({ graceMs }: { graceMs: number }): Promise<number> {
  const waiting = await prisma.connectorEvent.groupBy({
    by: ["provider", "accountExternalId"],
    where: { fannedOutAt: null, receivedAt: { lt: new Date(Date.now() - graceMs) } },
  });
  const accountsByProvider = new Map<string, string[]>();
  for (const { provider, accountExternalId } of waiting) {
    accountsByProvider.set(provider, [...(accountsByProvider.get(provider) ?? []), accountExternalId]);
  }
  for (const [provider, accounts] of accountsByProvider) await scheduleFanOut(provider, accounts);
  return waiting.length;
}
