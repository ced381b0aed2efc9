"use server";

import { deleteFlow } from "@ledgerflow/runtime";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

export const deleteFlowAction = workspaceAction(
  z.object({ flowId: z.string().min(1) }),
  "EDITOR",
  async ({ workspace, input }) => {
    await deleteFlow({ workspaceId: workspace.id, flowId: input.flowId });
    redirect("/");
  },
);
