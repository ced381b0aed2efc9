"use server";

import { type PublishProblem, publishFlow } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

export type PublishFlowChangesResult = { versionNumber: number; problems: [] } | { problems: PublishProblem[] };

/**
 * "Publish changes" on an enabled flow: the draft becomes the next version and the flow stays on.
 * Refused problems change nothing, so runs keep using the version already published (unlike the
 * switch, whose refusal means "stays off"). `acceptWarnings`: "Publish anyway" over the warnings listed.
 */
export const publishFlowChangesAction = workspaceAction(
  z.object({ flowId: z.string().min(1).max(64), acceptWarnings: z.boolean().optional() }),
  "EDITOR",
  async ({ workspace, user, input }): Promise<PublishFlowChangesResult> => {
    const result = await publishFlow({
      workspaceId: workspace.id,
      userId: user.id,
      flowId: input.flowId,
      acceptWarnings: input.acceptWarnings,
    });
    return result.ok ? { versionNumber: result.versionNumber, problems: [] } : { problems: result.problems };
  },
);
