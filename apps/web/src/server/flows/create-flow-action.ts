"use server";

import { timezoneSchema } from "@ledgerflow/engine";
import { createFlow } from "@ledgerflow/runtime";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

/** "New flow": an empty flow in the creator's time zone, opened straight in the editor. */
export const createFlowAction = workspaceAction(
  // A zone this server's Intl does not know is left out (the flow reads dates in UTC), never a refusal.
  z.object({ timeZone: timezoneSchema.optional().catch(undefined) }),
  "EDITOR",
  async ({ workspace, user, input }) => {
    const flow = await createFlow({ workspaceId: workspace.id, userId: user.id, timeZone: input.timeZone });
    redirect(`/flows/${flow.id}`);
  },
);
