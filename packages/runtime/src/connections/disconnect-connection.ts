import { prisma } from "@ledgerflow/db";
import { appConnectors } from "../connectors/app-connectors";
import type { ConnectorRegistry } from "../connectors/connector-registry";
import { NotFoundError } from "../errors/domain-errors";

/**
 * Disconnects a connection of the workspace: its provider is told where possible (through the
 * connector's revocation), then the tokens are erased and the status set to REVOKED (the row stays
 * so flows that use it can say "reconnect"). The erase happens even when the provider cannot be
 * reached: the user asked us to stop holding the tokens. Another workspace's id is not found.
 */
export async function disconnectConnection(
  { workspaceId, connectionId }: { workspaceId: string; connectionId: string },
  connectors: ConnectorRegistry = appConnectors(),
) {
  const connection = await prisma.connection.findFirst({
    where: { id: connectionId, workspaceId },
    select: { id: true, provider: true, name: true },
  });
  if (!connection) throw new NotFoundError("Connection");
  const revoke = connectors.find(connection.provider)?.revokeConnection;
  const revokedAtProvider = revoke ? await revoke({ id: connection.id, workspaceId }) : false;
  await prisma.connection.updateMany({
    where: { id: connection.id, workspaceId },
    data: {
      accessTokenEnc: null,
      refreshTokenEnc: null,
      expiresAt: null,
      status: "REVOKED",
      statusReason: "Disconnected in Ledgerflow.",
    },
  });
  return { name: connection.name, revokedAtProvider };
}
