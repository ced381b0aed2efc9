"use server";

import { testFlowStep } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

/**
 * "Test" on a step: runs it for real against the chosen Xero organisation and keeps the result.
 * `confirmRepeat` is sent only from the confirmation that said a second test creates another object.
 */
export const testStepAction = workspaceAction(
  z.object({ flowId: z.string().min(1), stepKey: z.string().min(1), confirmRepeat: z.boolean().optional() }),
  "EDITOR",
  ({ workspace, input }) => testFlowStep({ workspaceId: workspace.id, ...input }),
);
