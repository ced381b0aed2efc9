import type { ScheduleJobData } from "@ledgerflow/queue";
import { fireSchedule } from "@ledgerflow/runtime";
import type { Job } from "bullmq";

/** A job scheduler firing: BullMQ records the firing's due time as `prevMillis`. */
export async function processScheduleJob(job: Job<ScheduleJobData>): Promise<void> {
  const due = (job.opts as { prevMillis?: number }).prevMillis ?? job.timestamp + (job.opts.delay ?? 0);
  const scheduledAt = new Date(due);
  await fireSchedule({ flowId: job.data.flowId, workspaceId: job.data.workspaceId, scheduledAt });
}
