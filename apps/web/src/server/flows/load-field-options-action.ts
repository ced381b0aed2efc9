"use server";

import { loadStepFieldOptions } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

/** A Xero-backed dropdown's options; `refresh` is the "Refresh fields" button. */
export const loadFieldOptionsAction = workspaceAction(
  z.object({
    connectionId: z.string().min(1, "Choose a Xero organisation first"),
    loader: z.string().min(1).max(100),
    query: z.string().max(200).optional(),
    dependsOn: z.record(z.string(), z.unknown()).optional(),
    refresh: z.boolean().default(false),
  }),
  "VIEWER",
  ({ workspace, input }) => loadStepFieldOptions({ workspaceId: workspace.id, ...input }),
);
