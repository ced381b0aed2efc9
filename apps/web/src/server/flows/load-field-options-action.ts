"use server";

import { loadFieldOptions, loadFieldOptionsSchema } from "@ledgerflow/runtime";
import { workspaceAction } from "../with-workspace";

/** A dropdown's options, read from the step's connection; `refresh` is the "Refresh fields" button. */
export const loadFieldOptionsAction = workspaceAction(loadFieldOptionsSchema, "VIEWER", ({ workspace, input }) =>
  loadFieldOptions({ workspaceId: workspace.id, ...input }),
);
