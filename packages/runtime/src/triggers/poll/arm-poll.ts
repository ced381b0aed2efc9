import { createHash } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { DEFAULT_POLL_SECONDS } from "@ledgerflow/engine";
import { sharedTriggerPollsQueue } from "@ledgerflow/queue";

// One BullMQ job scheduler per polling flow, keyed by flow id (upserting re-times it), and the
// flow's cursor: where its polls resume.

const DAY_MS = 86_400_000;
const schedulerId = (flowId: string) => `poll.${flowId}`;

export interface PollSettings {
  triggerKey: string;
  connectionId: string;
  pollEverySeconds?: number;
  includeRecentDays?: number;
}

/**
 * Each flow polls at its own offset within its interval (from its id), so a thousand flows of five
 * minutes spread over the five minutes instead of reaching Xero's limits in the same second.
 */
function offsetMs(flowId: string, everyMs: number): number {
  return createHash("sha256").update(flowId).digest().readUInt32BE(0) % everyMs;
}

/**
 * Starts (or re-times) a flow's polls. A flow switched on starts from now — no flood of history —
 * or from `includeRecentDays` back; publishing changes keeps the cursor unless the trigger or its
 * connection changed.
 */
export async function armPoll(flow: { id: string; workspaceId: string }, settings: PollSettings): Promise<void> {
  const kept = await prisma.triggerCursor.findFirst({
    where: { flowId: flow.id, workspaceId: flow.workspaceId },
    select: { triggerKey: true, connectionId: true },
  });
  if (kept?.triggerKey !== settings.triggerKey || kept.connectionId !== settings.connectionId) {
    const since = new Date(Date.now() - (settings.includeRecentDays ?? 0) * DAY_MS);
    const fresh = { triggerKey: settings.triggerKey, connectionId: settings.connectionId, since, lastFailure: null };
    await prisma.triggerCursor.upsert({
      where: { flowId: flow.id },
      create: { flowId: flow.id, workspaceId: flow.workspaceId, ...fresh },
      update: fresh,
    });
  }
  const everyMs = (settings.pollEverySeconds ?? DEFAULT_POLL_SECONDS) * 1_000;
  await sharedTriggerPollsQueue().upsertJobScheduler(
    schedulerId(flow.id),
    { every: everyMs, offset: offsetMs(flow.id, everyMs) },
    {
      name: "poll",
      data: { flowId: flow.id, workspaceId: flow.workspaceId },
      opts: { removeOnComplete: true, removeOnFail: 100 },
    },
  );
}

/** Stops a flow's polls and forgets its cursor: switched on again, it starts from now. */
export async function disarmPoll(flowId: string): Promise<void> {
  await sharedTriggerPollsQueue().removeJobScheduler(schedulerId(flowId));
  await prisma.triggerCursor.deleteMany({ where: { flowId } });
}

/**
 * One poll of the flow besides its schedule — at once ("poll now") or after a rate limit's wait —
 * with at most one waiting per flow.
 */
export async function requestPoll(flow: { id: string; workspaceId: string }, delayMs = 0): Promise<void> {
  await sharedTriggerPollsQueue().add(
    "poll",
    { flowId: flow.id, workspaceId: flow.workspaceId },
    // A poll deferred from inside a "poll now" job cannot reuse that job's id while it runs.
    {
      jobId: `${delayMs > 0 ? "poll-later" : "poll-now"}.${flow.id}`,
      delay: delayMs,
      removeOnComplete: true,
      removeOnFail: true,
    },
  );
}
