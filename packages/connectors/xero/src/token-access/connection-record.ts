import { type ConnectionStatus, prisma } from "@ledgerflow/db";

/** What token access reads of a connection. */
export interface ConnectionRecord {
  id: string;
  workspaceId: string;
  tenantId: string;
  tenantName: string;
  /** Xero's id of the tenant connection (DELETE /connections/{id} on disconnect). */
  xeroConnectionId: string | null;
  status: ConnectionStatus;
  scopes: string[];
  expiresAt: Date | null;
  accessTokenEnc: string | null;
  refreshTokenEnc: string | null;
}

/** What callers may see of a connection: never its tokens. */
export type ConnectionSummary = Omit<ConnectionRecord, "accessTokenEnc" | "refreshTokenEnc">;

export function findConnectionRecord(connectionId: string, workspaceId: string): Promise<ConnectionRecord | null> {
  return prisma.connection.findFirst({
    where: { id: connectionId, workspaceId },
    select: {
      id: true,
      workspaceId: true,
      tenantId: true,
      tenantName: true,
      xeroConnectionId: true,
      status: true,
      scopes: true,
      expiresAt: true,
      accessTokenEnc: true,
      refreshTokenEnc: true,
    },
  });
}

export function toConnectionSummary({
  accessTokenEnc,
  refreshTokenEnc,
  ...summary
}: ConnectionRecord): ConnectionSummary {
  return summary;
}
