"use server";

import { cleanUpTestRecords } from "@ledgerflow/runtime";
import { z } from "zod";
import { toTestRecordItems } from "@/components/flow-editor/test-record-item";
import { workspaceAction } from "../with-workspace";

/**
 * "Clean up" under "Records your tests created": deletes, voids or archives in the connected app
 * every record the flow's tests created that is not cleaned up yet, once each; sent only from the
 * confirmation that listed them.
 */
export const cleanUpTestRecordsAction = workspaceAction(
  z.object({ flowId: z.string().min(1) }),
  "EDITOR",
  async ({ workspace, input }) =>
    toTestRecordItems(await cleanUpTestRecords({ workspaceId: workspace.id, flowId: input.flowId })),
);
