import { fanOutJobOptions, sharedConnectorEventsQueue, withRedisDeadline } from "@ledgerflow/queue";

/**
 * Asks the worker to fan out the events just stored for these accounts. Best effort: the events
 * are already committed, and when Redis does not take the job the sweeper
 * (sweep-connector-events.ts) finds them — so a delivery is answered 200 either way.
 */
export async function scheduleFanOut(provider: string, accounts: Iterable<string>): Promise<void> {
  const queue = sharedConnectorEventsQueue();
  await Promise.all(
    [...new Set(accounts)].map(async (account) => {
      try {
        await withRedisDeadline(queue.add("fan-out", { provider, account }, fanOutJobOptions({ provider, account })));
      } catch (error) {
        console.error(`[fan-out] could not queue ${provider} events (the sweeper will): ${(error as Error).message}`);
      }
    }),
  );
}
