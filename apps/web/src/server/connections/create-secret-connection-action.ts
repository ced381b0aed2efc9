"use server";

import { createSecretConnection } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

const createSecretConnectionInput = z.object({
  provider: z.string().min(1).max(50),
  name: z.string().max(100),
  values: z.record(z.string(), z.string().max(10_000)),
});

/** "Add an HTTP connection": saves what was typed into the vault; editors and owners only. */
export const createSecretConnectionAction = workspaceAction(
  createSecretConnectionInput,
  "EDITOR",
  async ({ workspace, user, input }) => {
    const { id, name } = await createSecretConnection({ workspaceId: workspace.id, userId: user.id, ...input });
    // Only the name goes back: what was typed is never sent to a browser again.
    return { id, name };
  },
);
