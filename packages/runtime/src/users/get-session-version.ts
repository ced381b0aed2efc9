import { prisma } from "@ledgerflow/db";

/** The version a user's sessions must carry to be valid; null when the user no longer exists. */
export async function getSessionVersion({ userId }: { userId: string }): Promise<number | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}
