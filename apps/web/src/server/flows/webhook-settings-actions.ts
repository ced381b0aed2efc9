"use server";

import { webhookSettingsSchema } from "@ledgerflow/engine";
import {
  regenerateWebhookToken,
  setWebhookSigningSecret,
  updateWebhookSettings,
  webhookSigningSecretSchema,
} from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

export const regenerateWebhookTokenAction = workspaceAction(
  z.object({ flowId: z.string().min(1) }),
  "EDITOR",
  ({ workspace, input }) => regenerateWebhookToken({ workspaceId: workspace.id, flowId: input.flowId }),
);

/** Signatures on (with the sender's secret, or a fresh one of ours) or off. */
export const setWebhookSigningSecretAction = workspaceAction(
  z.object({ flowId: z.string().min(1), enabled: z.boolean(), secret: webhookSigningSecretSchema.optional() }),
  "EDITOR",
  ({ workspace, input }) => setWebhookSigningSecret({ workspaceId: workspace.id, ...input }),
);

/** Where the event id is read from, how long it is remembered, and the signature format. */
export const updateWebhookSettingsAction = workspaceAction(
  z.object({ flowId: z.string().min(1), settings: webhookSettingsSchema }),
  "EDITOR",
  ({ workspace, input }) => updateWebhookSettings({ workspaceId: workspace.id, ...input }),
);
