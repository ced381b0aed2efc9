"use server";

import { revokeUserSessions } from "@ledgerflow/runtime";
import { z } from "zod";
import { workspaceAction } from "../with-workspace";
import { changePassword } from "./change-password";
import { changePasswordSchema } from "./credentials-schema";
import { readSignInContext } from "./sign-in-context";

/** The change-password page's form; the browser then signs in again with the new password. */
export const changePasswordAction = workspaceAction(changePasswordSchema, "VIEWER", async ({ user, input }) =>
  changePassword({ userId: user.id, ...input }, await readSignInContext()),
);

/** "Sign out everywhere" in the user menu: every session of the user, this one included. */
export const signOutEverywhereAction = workspaceAction(z.object({}), "VIEWER", ({ user }) =>
  revokeUserSessions({ userId: user.id }),
);
