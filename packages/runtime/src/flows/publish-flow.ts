import { type Prisma, prisma } from "@ledgerflow/db";
import { type FlowDefinition, upgradeFlowDefinition } from "@ledgerflow/engine";
import { NotFoundError } from "../errors/domain-errors";
import { armFlowTrigger } from "../triggers/arm-flow-trigger";
import { checkFlowCanPublish, type PublishProblem } from "../triggers/check-flow-can-publish";
import { sampleOutputsOf } from "./read-draft-for-test";

export type PublishFlowResult = { ok: true; versionNumber: number } | { ok: false; problems: PublishProblem[] };

/**
 * Switch on / "Publish changes": validates the draft, freezes it as the next FlowVersion, points the
 * flow at it and arms its trigger. Refuses with every problem found, changing nothing — warnings
 * too, unless the person has seen them and said "switch on anyway" (`acceptWarnings`).
 */
export async function publishFlow(input: {
  workspaceId: string;
  userId: string;
  flowId: string;
  acceptWarnings?: boolean;
}): Promise<PublishFlowResult> {
  const flow = await prisma.flow.findFirst({
    where: { id: input.flowId, workspaceId: input.workspaceId },
    select: {
      id: true,
      workspaceId: true,
      draft: true,
      stepSamples: { where: { workspaceId: input.workspaceId }, select: { stepKey: true, output: true } },
    },
  });
  if (!flow) throw new NotFoundError("Flow");

  let definition: FlowDefinition;
  try {
    definition = upgradeFlowDefinition(flow.draft);
  } catch (error) {
    return { ok: false, problems: [{ message: `The flow could not be read: ${(error as Error).message}` }] };
  }
  const problems = await checkFlowCanPublish(input.workspaceId, definition, sampleOutputsOf(flow.stepSamples));
  const blocking = problems.some((problem) => problem.severity !== "warning");
  if (blocking || (problems.length > 0 && input.acceptWarnings !== true)) return { ok: false, problems };

  const version = await prisma.$transaction(async (tx) => {
    const latest = await tx.flowVersion.findFirst({
      where: { flowId: flow.id, workspaceId: input.workspaceId },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const created = await tx.flowVersion.create({
      data: {
        workspaceId: input.workspaceId,
        flowId: flow.id,
        number: (latest?.number ?? 0) + 1,
        definition: definition as unknown as Prisma.InputJsonValue,
        createdById: input.userId,
      },
      select: { id: true, number: true },
    });
    await tx.flow.update({
      where: { id: flow.id, workspaceId: input.workspaceId },
      data: { enabled: true, publishedVersionId: created.id },
    });
    return created;
  });

  await armFlowTrigger(flow, definition.trigger);
  return { ok: true, versionNumber: version.number };
}
