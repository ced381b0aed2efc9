"use server";

import { refineStorable } from "@ledgerflow/engine";
import { renameFlow } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

export const renameFlowAction = workspaceAction(
  z.object({
    flowId: z.string().min(1),
    name: z
      .string()
      .trim()
      .min(1, "Give the flow a name")
      .max(120, "Keep the name under 120 characters")
      .superRefine(refineStorable()),
    description: z.string().trim().max(500, "Keep the description under 500 characters").superRefine(refineStorable()),
  }),
  "EDITOR",
  ({ workspace, input }) => renameFlow({ workspaceId: workspace.id, ...input }),
);
