import { prisma } from "@ledgerflow/db";
import { NotFoundError } from "../errors/domain-errors";

/**
 * "Sign out everywhere": every session issued to the user so far stops working at its next request
 * (sessions carry the version they were issued at; see getSessionVersion).
 */
export async function revokeUserSessions({ userId }: { userId: string }): Promise<void> {
  const { count } = await prisma.user.updateMany({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
  });
  if (count === 0) throw new NotFoundError("Account");
}
