"use server";

import { replayRun } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

const replayRunInput = z.object({
  runId: z.string().min(1).max(64),
  /** restart: from the first step on the current published version; resume: only the steps that did not succeed. */
  mode: z.enum(["restart", "resume"]),
  /** Sent only from the confirmation that said what a restart writes again; replayRun refuses it otherwise. */
  confirmRepeat: z.boolean().optional(),
});

/** "Re-run" on the run detail page: a new REPLAY run; editors and owners only. */
export const replayRunAction = workspaceAction(replayRunInput, "EDITOR", ({ workspace, user, input }) =>
  replayRun({ workspaceId: workspace.id, userId: user.id, ...input }),
);
