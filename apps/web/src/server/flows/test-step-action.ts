"use server";

import { testFlowStep } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

/** "Test" on a step: runs it for real against the chosen Xero organisation and keeps the result. */
export const testStepAction = workspaceAction(
  z.object({ flowId: z.string().min(1), stepKey: z.string().min(1) }),
  "EDITOR",
  ({ workspace, input }) => testFlowStep({ workspaceId: workspace.id, ...input }),
);
