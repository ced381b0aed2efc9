import { Prisma, prisma } from "@ledgerflow/db";
import { ConflictError } from "../errors/domain-errors";

export interface CreateUserWithWorkspaceInput {
  email: string;
  name: string;
  passwordHash: string;
}

/**
 * Signs a new user up: the user, their personal workspace and their OWNER membership, in one
 * transaction so that no user ever exists without a workspace.
 */
export async function createUserWithWorkspace({ email, name, passwordHash }: CreateUserWithWorkspaceInput) {
  const normalisedEmail = email.trim().toLowerCase();
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: normalisedEmail, name, passwordHash },
        select: { id: true, email: true, name: true },
      });
      const workspace = await tx.workspace.create({
        data: { name: `${name}'s workspace`, memberships: { create: { userId: user.id, role: "OWNER" } } },
        select: { id: true, name: true },
      });
      return { user, workspace };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("An account with this email already exists.");
    }
    throw error;
  }
}
