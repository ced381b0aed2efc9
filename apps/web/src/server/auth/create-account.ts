import { prisma } from "@ledgerflow/db";
import { ConflictError, createUserWithWorkspace, RateLimitedError } from "@ledgerflow/runtime";
import { type ActionResult, describeInputError } from "../with-workspace";
import { authorizeCredentials, InvalidCredentialsError, type SignInContext } from "./authorize-credentials";
import { signUpSchema } from "./credentials-schema";
import { hashPassword } from "./password";
import { consumeSignUpAttempt } from "./sign-up-rate-limit";

/** The one answer for an email that has an account when the password is not its password. */
export const SIGN_UP_REFUSED_MESSAGE =
  "We couldn't create an account with these details. If you already have one, sign in with its password.";

/**
 * Sign-up, without saying which emails have accounts. A new email gets an account and its personal
 * workspace. An email that has one is treated as a sign-in: the right password is accepted (the form
 * then signs in, as after any sign-up), anything else gets SIGN_UP_REFUSED_MESSAGE, never "this
 * email exists". Both paths do one argon2 operation, so they take about as long; the password check
 * goes through the sign-in limiter, so the form is no way around it. Every attempt is rate limited.
 */
export async function createAccount(input: unknown, context: SignInContext): Promise<ActionResult<{ email: string }>> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    const { message, fieldErrors } = describeInputError(parsed.error);
    return { ok: false, error: message, fieldErrors };
  }
  const { name, email, password } = parsed.data;
  try {
    await consumeSignUpAttempt(context.clientIp);
    const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) await authorizeCredentials({ email, password }, context);
    else await createUserWithWorkspace({ name, email, passwordHash: await hashPassword(password) });
    return { ok: true, data: { email } };
  } catch (error) {
    // A conflict is a sign-up for the same email that won a race with this one.
    if (error instanceof InvalidCredentialsError || error instanceof ConflictError) {
      return { ok: false, error: SIGN_UP_REFUSED_MESSAGE, fieldErrors: {} };
    }
    if (error instanceof RateLimitedError) return { ok: false, error: error.message, fieldErrors: {} };
    throw error;
  }
}
