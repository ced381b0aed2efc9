"use server";

import type { ActionResult } from "../with-workspace";
import { createAccount } from "./create-account";
import { readSignInContext } from "./sign-in-context";

/**
 * The sign-up form's action (see createAccount). The form then signs in with the same credentials
 * (next-auth's Credentials flow), so there is one way a session starts.
 */
export async function signUp(formData: FormData): Promise<ActionResult<{ email: string }>> {
  return createAccount(Object.fromEntries(formData), await readSignInContext());
}
