import { Prisma, prisma } from "@ledgerflow/db";
import { NotFoundError } from "../errors/domain-errors";

export interface SaveStepSampleOptions {
  workspaceId: string;
  flowId: string;
  stepKey: string;
  input: unknown;
  output?: unknown;
  error?: unknown;
  /** The connection the step was tested with (a test with another one is out of date). */
  connectionId?: string;
}

// Prisma needs DbNull to clear a JSON column; a step's earlier output must not outlive a failed test.
const toJson = (value: unknown) =>
  value === undefined || value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);

/**
 * Stores the last "Test" of a step: its resolved input and output (or error). Later steps' tests and
 * the editor's data picker read it.
 */
export async function saveStepSample(options: SaveStepSampleOptions) {
  const { workspaceId, flowId, stepKey, input, output, error, connectionId } = options;
  const flow = await prisma.flow.findFirst({ where: { id: flowId, workspaceId }, select: { id: true } });
  if (!flow) throw new NotFoundError("Flow");
  const data = {
    input: toJson(input),
    output: toJson(output),
    error: toJson(error),
    connectionId: connectionId ?? null,
    testedAt: new Date(),
  };
  return prisma.stepSample.upsert({
    where: { flowId_stepKey: { flowId, stepKey } },
    create: { workspaceId, flowId, stepKey, ...data },
    update: data,
    select: { stepKey: true, input: true, output: true, error: true, connectionId: true, testedAt: true },
  });
}
