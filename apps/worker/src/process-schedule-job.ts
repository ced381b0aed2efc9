import type { ScheduleJobData } from "@ledgerflow/queue";
import { fireSchedule } from "@ledgerflow/runtime";
import type { Job } from "bullmq";

/** A job scheduler firing: its due time is the job's timestamp plus its delay. */
export async function processScheduleJob(job: Job<ScheduleJobData>): Promise<void> {
  const scheduledAt = new Date(job.timestamp + (job.opts.delay ?? 0));
  await fireSchedule({ flowId: job.data.flowId, workspaceId: job.data.workspaceId, scheduledAt });
}
