"use server";

import { previewFlowStep } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

/**
 * The live preview under a Formatter or Filter step: the step as typed, run on the sample, nothing
 * kept. Viewers may see it too: it writes nothing and reaches no other app (previewFlowStep refuses
 * any step that would).
 */
export const previewStepAction = workspaceAction(
  z.object({ flowId: z.string().min(1), step: z.unknown() }),
  "VIEWER",
  ({ workspace, input }) => previewFlowStep({ workspaceId: workspace.id, flowId: input.flowId, step: input.step }),
);
