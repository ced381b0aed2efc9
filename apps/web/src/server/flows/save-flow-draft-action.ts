"use server";

import { parseFlowDraft, updateFlowDraft } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

/**
 * The editor's autosave. The draft is parsed by the runtime, not here: an unfinished draft always
 * saves, and one that is not a draft is refused naming its step and field by label, never by path.
 */
export const saveFlowDraftAction = workspaceAction(
  z.object({ flowId: z.string().min(1), draft: z.unknown() }),
  "EDITOR",
  ({ workspace, input }) =>
    updateFlowDraft({ workspaceId: workspace.id, flowId: input.flowId, draft: parseFlowDraft(input.draft) }),
);
