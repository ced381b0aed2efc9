"use server";

import { cancelRun } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

const cancelRunInput = z.object({ runId: z.string().min(1).max(64) });

/** "Cancel run" on a waiting run's page; editors and owners only. */
export const cancelRunAction = workspaceAction(cancelRunInput, "EDITOR", ({ workspace, input }) =>
  cancelRun({ workspaceId: workspace.id, runId: input.runId }),
);
