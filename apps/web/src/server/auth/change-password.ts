import { prisma } from "@ledgerflow/db";
import { changeUserPassword, InvalidInputError, NotFoundError } from "@ledgerflow/runtime";
import { authorizeCredentials, InvalidCredentialsError, type SignInContext } from "./authorize-credentials";
import { hashPassword } from "./password";

export const WRONG_CURRENT_PASSWORD_MESSAGE = "That isn't your current password. Check it and try again.";

/**
 * "Change password": the current password is checked like a sign-in (so it counts towards the same
 * limits, and an unattended signed-in browser cannot be used to guess it), then the new hash is
 * stored and every session issued before is signed out, this one included. Returns the email, with
 * which the form signs this browser in again.
 */
export async function changePassword(
  { userId, currentPassword, newPassword }: { userId: string; currentPassword: string; newPassword: string },
  context: SignInContext,
): Promise<{ email: string }> {
  const account = await prisma.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!account) throw new NotFoundError("Account");
  try {
    await authorizeCredentials({ email: account.email, password: currentPassword }, context);
  } catch (error) {
    if (error instanceof InvalidCredentialsError) {
      throw new InvalidInputError(WRONG_CURRENT_PASSWORD_MESSAGE, "currentPassword");
    }
    throw error;
  }
  await changeUserPassword({ userId, passwordHash: await hashPassword(newPassword) });
  return { email: account.email };
}
