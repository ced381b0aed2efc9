import { prisma } from "@ledgerflow/db";
import { StepError } from "@ledgerflow/engine";
import { decryptSecret, vaultKeyring } from "@ledgerflow/vault";

/**
 * The values a `secret` connection was saved with, decrypted for its connector's client only — in
 * the workspace, of that connector, and still active.
 */
export async function readConnectionSecret(scope: {
  connectionId: string;
  workspaceId: string;
  provider: string;
}): Promise<Record<string, unknown>> {
  const connection = await prisma.connection.findFirst({
    where: { id: scope.connectionId, workspaceId: scope.workspaceId, provider: scope.provider },
    select: { name: true, status: true, accessTokenEnc: true },
  });
  if (!connection?.accessTokenEnc || connection.status !== "ACTIVE") {
    const what = connection ? `"${connection.name}" was disconnected` : "of this step was removed";
    throw new StepError(`The connection ${what}: choose another on the step, or add one on the Connections page.`, {
      code: "invalid_input",
      field: "connectionId",
    });
  }
  return JSON.parse(decryptSecret(connection.accessTokenEnc, vaultKeyring())) as Record<string, unknown>;
}
