"use server";

import { readFlowSwitch } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

/** Whether the flow is on and the version it runs, as the server has it now (the editor's switch). */
export const readFlowSwitchAction = workspaceAction(
  z.object({ flowId: z.string().min(1) }),
  "VIEWER",
  ({ workspace, input }) => readFlowSwitch({ workspaceId: workspace.id, flowId: input.flowId }),
);
