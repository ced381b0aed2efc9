"use server";

import { startListeningForTestEvent, takeTestEvent } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

const flowInput = z.object({ flowId: z.string().min(1) });

/** "Listen for a test event": the next webhook this flow receives becomes its sample. */
export const startListeningAction = workspaceAction(flowInput, "EDITOR", ({ workspace, input }) =>
  startListeningForTestEvent({ workspaceId: workspace.id, flowId: input.flowId }),
);

/** Polled while listening: the captured event, or null while still waiting. */
export const takeTestEventAction = workspaceAction(flowInput, "EDITOR", ({ workspace, input }) =>
  takeTestEvent({ workspaceId: workspace.id, flowId: input.flowId }),
);
