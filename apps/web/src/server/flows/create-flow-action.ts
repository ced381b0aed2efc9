"use server";

import { createFlow } from "@ledgerflow/runtime";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

/** "New flow": an empty flow, opened straight in the editor. */
export const createFlowAction = workspaceAction(z.object({}), "EDITOR", async ({ workspace, user }) => {
  const flow = await createFlow({ workspaceId: workspace.id, userId: user.id });
  redirect(`/flows/${flow.id}`);
});
