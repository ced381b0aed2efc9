"use server";

import { startXeroAuthorization } from "@ledgerflow/connector-xero";
import { redirect } from "next/navigation";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";

const startSchema = z.object({
  /** Space-separated scopes to ask for on top of XERO_SCOPES (Reconnect with a missing scope). */
  extraScopes: z
    .string()
    .optional()
    .transform((value) => (value ?? "").split(/\s+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z_.]+$/, { message: "Scopes are lower-case words joined by dots." }))),
});

/** "+ Add a Xero connection" and "Reconnect": sends the browser to Xero's consent page. */
export const startXeroConnection = workspaceAction(startSchema, "EDITOR", async ({ user, workspace, input }) => {
  const url = await startXeroAuthorization({
    userId: user.id,
    workspaceId: workspace.id,
    extraScopes: input.extraScopes,
  });
  redirect(url);
});
