"use server";

import { replayRun } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

const replayRunInput = z.object({
  runId: z.string().min(1).max(64),
  /** restart: from the first step on the current published version; resume: a FAILED run from its failed step. */
  mode: z.enum(["restart", "resume"]),
});

/** "Re-run" on the run detail page: a new REPLAY run; editors and owners only. */
export const replayRunAction = workspaceAction(replayRunInput, "EDITOR", ({ workspace, user, input }) =>
  replayRun({ workspaceId: workspace.id, userId: user.id, runId: input.runId, mode: input.mode }),
);
