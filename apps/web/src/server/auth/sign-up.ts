"use server";

import { ConflictError, createUserWithWorkspace } from "@ledgerflow/runtime";
import type { ActionResult } from "../with-workspace";
import { describeInputError } from "../with-workspace";
import { signUpSchema } from "./credentials-schema";
import { hashPassword } from "./password";

/**
 * Creates the account and its personal workspace. The form then signs in with the same
 * credentials (next-auth's Credentials flow), so there is one way a session starts.
 */
export async function signUp(formData: FormData): Promise<ActionResult<{ email: string }>> {
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const { message, fieldErrors } = describeInputError(parsed.error);
    return { ok: false, error: message, fieldErrors };
  }
  const { name, email, password } = parsed.data;
  try {
    await createUserWithWorkspace({ name, email, passwordHash: await hashPassword(password) });
    return { ok: true, data: { email } };
  } catch (error) {
    if (error instanceof ConflictError) {
      return { ok: false, error: error.message, fieldErrors: { email: [error.message] } };
    }
    throw error;
  }
}
