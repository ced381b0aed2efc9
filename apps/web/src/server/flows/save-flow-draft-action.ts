"use server";

import { flowDefinitionSchema } from "@ledgerflow/engine";
import { updateFlowDraft } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

/** The editor's autosave. */
export const saveFlowDraftAction = workspaceAction(
  z.object({ flowId: z.string().min(1), draft: flowDefinitionSchema }),
  "EDITOR",
  ({ workspace, input }) => updateFlowDraft({ workspaceId: workspace.id, flowId: input.flowId, draft: input.draft }),
);
