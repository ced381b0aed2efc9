"use server";

import { disconnectConnection as disconnect } from "@ledgerflow/runtime";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

/** Disconnect on the Connections page: revokes at Xero and erases the tokens. */
export const disconnectConnection = workspaceAction(
  z.object({ connectionId: z.string().min(1, { message: "Choose a connection." }) }),
  "EDITOR",
  async ({ workspace, input }) => {
    const result = await disconnect({ workspaceId: workspace.id, connectionId: input.connectionId });
    revalidatePath("/connections");
    return result;
  },
);
