import type { RunJobData } from "@ledgerflow/queue";
import type { Job } from "bullmq";

/** Executes one run. The engine is wired in by the runtime issue; for now the job is acknowledged. */
export async function processRunJob(job: Job<RunJobData>): Promise<void> {
  void job;
}
