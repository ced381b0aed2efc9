"use server";

import { refineStorable } from "@ledgerflow/engine";
import { runFlowNow, WEBHOOK_MAX_BYTES } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

const runFlowNowInput = z.object({
  flowId: z.string().min(1).max(64),
  body: z
    .unknown()
    .refine((body) => body !== undefined, "give a JSON body, e.g. {}")
    // What a webhook body may hold, checked first: it stops the size check's JSON.stringify from
    // overflowing on runaway nesting.
    .superRefine(refineStorable())
    // The same limit as a webhook body: a manual run carries what a webhook could.
    .refine(
      (body) => new TextEncoder().encode(JSON.stringify(body) ?? "").length <= WEBHOOK_MAX_BYTES,
      "is larger than 1 MB",
    ),
});

/** "Run now" in the editor: a MANUAL run of the published version; editors and owners only. */
export const runFlowNowAction = workspaceAction(runFlowNowInput, "EDITOR", ({ workspace, input }) =>
  runFlowNow({ workspaceId: workspace.id, flowId: input.flowId, body: input.body }),
);
