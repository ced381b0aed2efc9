"use server";

import { disableFlow, type PublishProblem, publishFlow } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

export interface SetFlowEnabledResult {
  enabled: boolean;
  /** Why the flow stays off (empty when it was switched as asked). */
  problems: PublishProblem[];
}

/**
 * The on/off switch: on publishes the draft and arms the trigger, or lists what keeps it off;
 * `acceptWarnings` once the person chose "Switch on anyway" over the warnings listed.
 */
export const setFlowEnabledAction = workspaceAction(
  z.object({ flowId: z.string().min(1), enabled: z.boolean(), acceptWarnings: z.boolean().optional() }),
  "EDITOR",
  async ({ workspace, user, input }): Promise<SetFlowEnabledResult> => {
    if (!input.enabled) {
      await disableFlow({ workspaceId: workspace.id, flowId: input.flowId });
      return { enabled: false, problems: [] };
    }
    const result = await publishFlow({
      workspaceId: workspace.id,
      userId: user.id,
      flowId: input.flowId,
      acceptWarnings: input.acceptWarnings,
    });
    return result.ok ? { enabled: true, problems: [] } : { enabled: false, problems: result.problems };
  },
);
