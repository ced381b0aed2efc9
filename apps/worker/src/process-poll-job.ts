import type { PollJobData } from "@ledgerflow/queue";
import { pollFlow, requestPoll } from "@ledgerflow/runtime";
import type { Job } from "bullmq";

/**
 * One poll of a flow's polling trigger. A rate limit asks again once it has passed, rather than a
 * whole interval later; every other failure is kept on the flow's cursor and the next poll tries again.
 */
export async function processPollJob(job: Job<PollJobData>, log: (message: string) => void): Promise<void> {
  const { flowId, workspaceId } = job.data;
  const result = await pollFlow({ flowId, workspaceId });
  if (result.outcome === "deferred") {
    log(`poll of flow ${flowId} waits ${result.retryInMs} ms for a rate limit`);
    await requestPoll({ id: flowId, workspaceId }, Math.max(result.retryInMs, 1));
  }
  if (result.outcome === "failed") log(`poll of flow ${flowId} failed: ${result.message}`);
  if (result.outcome === "polled" && result.runs > 0) log(`poll of flow ${flowId}: ${result.runs} runs`);
}
