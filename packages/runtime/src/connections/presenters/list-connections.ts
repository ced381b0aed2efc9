import { prisma } from "@ledgerflow/db";

/** The Connections page's rows: what each account is and how it stands, never its tokens. */
export async function listConnections({ workspaceId }: { workspaceId: string }) {
  return prisma.connection.findMany({
    where: { workspaceId },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      provider: true,
      externalId: true,
      name: true,
      status: true,
      statusReason: true,
      scopes: true,
      createdAt: true,
      lastRefreshedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
}

export type ConnectionListItem = Awaited<ReturnType<typeof listConnections>>[number];
