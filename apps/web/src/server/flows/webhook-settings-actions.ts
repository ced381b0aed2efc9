"use server";

import { regenerateWebhookToken, setWebhookSigningSecret } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

export const regenerateWebhookTokenAction = workspaceAction(
  z.object({ flowId: z.string().min(1) }),
  "EDITOR",
  ({ workspace, input }) => regenerateWebhookToken({ workspaceId: workspace.id, flowId: input.flowId }),
);

export const setWebhookSigningSecretAction = workspaceAction(
  z.object({ flowId: z.string().min(1), enabled: z.boolean() }),
  "EDITOR",
  ({ workspace, input }) => setWebhookSigningSecret({ workspaceId: workspace.id, ...input }),
);
