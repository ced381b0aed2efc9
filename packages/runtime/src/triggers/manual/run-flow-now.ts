import { prisma } from "@ledgerflow/db";
import { InvalidInputError, NotFoundError } from "../../errors/domain-errors";
import { createRun } from "../../runs/create-run";
import type { ManualTriggerEvent } from "../trigger-event";

/** "Run now": a MANUAL run of the published version with the given body (the editor passes the sample or an edited JSON). */
export async function runFlowNow(input: {
  workspaceId: string;
  flowId: string;
  body: unknown;
}): Promise<{ runId: string }> {
  const flow = await prisma.flow.findFirst({
    where: { id: input.flowId, workspaceId: input.workspaceId },
    select: { id: true, publishedVersionId: true, publishedVersion: { select: { definition: true } } },
  });
  if (!flow) throw new NotFoundError("Flow");
  if (!flow.publishedVersionId) {
    throw new InvalidInputError("Switch the flow on (or publish it) before running it.", "flowId");
  }
  // Its steps read the record an event carries (`trigger.record`), which a typed body cannot give.
  const published = flow.publishedVersion?.definition as { trigger?: { type?: string } } | undefined;
  if (published?.trigger?.type === "event") {
    throw new InvalidInputError(
      "This flow runs when its app event happens: to run it again, replay one of its runs from the history.",
      "flowId",
    );
  }
  const event: ManualTriggerEvent = { type: "manual", body: input.body, startedAt: new Date().toISOString() };
  const run = await createRun({
    workspaceId: input.workspaceId,
    flowId: flow.id,
    flowVersionId: flow.publishedVersionId,
    event,
  });
  return { runId: run.id };
}
