import { prisma } from "@ledgerflow/db";
import { NotFoundError } from "../errors/domain-errors";

/**
 * Stores a new password hash and, in the same update, signs out every session issued before it: a
 * password change is how someone locks out whoever learned the old one. The caller has checked the
 * current password and hashed the new one.
 */
export async function changeUserPassword({ userId, passwordHash }: { userId: string; passwordHash: string }) {
  const { count } = await prisma.user.updateMany({
    where: { id: userId },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (count === 0) throw new NotFoundError("Account");
}
