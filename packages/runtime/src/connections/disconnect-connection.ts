import { revokeXeroConnection } from "@ledgerflow/connector-xero";
import { prisma } from "@ledgerflow/db";
import { NotFoundError } from "../errors/domain-errors";

/**
 * Disconnects a connection of the workspace: revoked at Xero where possible, tokens erased, status
 * REVOKED (the row stays so flows that use it can say "reconnect"). Another workspace's id is
 * not found.
 */
export async function disconnectConnection({
  workspaceId,
  connectionId,
}: {
  workspaceId: string;
  connectionId: string;
}) {
  const connection = await prisma.connection.findFirst({
    where: { id: connectionId, workspaceId },
    select: { id: true, name: true },
  });
  if (!connection) throw new NotFoundError("Connection");
  const { revokedAtXero } = await revokeXeroConnection(connection.id, workspaceId);
  return { name: connection.name, revokedAtXero };
}
