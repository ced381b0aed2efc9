import { prisma, type Role } from "@ledgerflow/db";

export interface WorkspaceMembership {
  workspace: { id: string; name: string };
  role: Role;
}

const select = { role: true, workspace: { select: { id: true, name: true } } } as const;

/**
 * The user's membership of `workspaceId`, or null when they are not a member (ids from the browser
 * prove nothing on their own). Without a `workspaceId`, their oldest membership: the personal
 * workspace made at sign-up.
 */
export async function findWorkspaceMembership({
  userId,
  workspaceId,
}: {
  userId: string;
  workspaceId?: string;
}): Promise<WorkspaceMembership | null> {
  if (workspaceId) {
    return prisma.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } }, select });
  }
  return prisma.membership.findFirst({ where: { userId }, orderBy: { createdAt: "asc" }, select });
}
