import { prisma } from "@ledgerflow/db";
import { z } from "zod";

// The flows the history can be filtered by: every flow of the workspace, by name.

export const listRunFlowOptionsInput = z.object({ workspaceId: z.string().min(1) });

export interface RunFlowOption {
  id: string;
  name: string;
}

export async function listRunFlowOptions(rawInput: z.input<typeof listRunFlowOptionsInput>): Promise<RunFlowOption[]> {
  const { workspaceId } = listRunFlowOptionsInput.parse(rawInput);
  return prisma.flow.findMany({
    where: { workspaceId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
