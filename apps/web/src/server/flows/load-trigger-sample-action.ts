"use server";

import { loadTriggerSample, loadTriggerSampleSchema } from "@ledgerflow/runtime";
import { workspaceAction } from "../with-workspace";

/** "Load a recent record" on a connector trigger: a real record of the chosen connection, for the sample. */
export const loadTriggerSampleAction = workspaceAction(loadTriggerSampleSchema, "EDITOR", ({ workspace, input }) =>
  loadTriggerSample({ workspaceId: workspace.id, ...input }),
);
