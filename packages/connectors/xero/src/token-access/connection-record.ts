import { type ConnectionStatus, prisma } from "@ledgerflow/db";
import { readXeroProviderData, type XeroProviderData } from "./xero-provider-data";

/** What token access reads of a connection. */
export interface ConnectionRecord {
  id: string;
  workspaceId: string;
  /** The Xero tenant id (the `xero-tenant-id` of every accounting call). */
  externalId: string;
  /** The organisation's name, for messages. */
  name: string;
  providerData: XeroProviderData;
  status: ConnectionStatus;
  scopes: string[];
  expiresAt: Date | null;
  accessTokenEnc: string | null;
  refreshTokenEnc: string | null;
}

/** What callers may see of a connection: never its tokens. */
export type ConnectionSummary = Omit<ConnectionRecord, "accessTokenEnc" | "refreshTokenEnc">;

export async function findConnectionRecord(
  connectionId: string,
  workspaceId: string,
): Promise<ConnectionRecord | null> {
  const row = await prisma.connection.findFirst({
    // Another connector's row is not a Xero connection, whatever id the caller holds.
    where: { id: connectionId, workspaceId, provider: "xero" },
    select: {
      id: true,
      workspaceId: true,
      externalId: true,
      name: true,
      providerData: true,
      status: true,
      scopes: true,
      expiresAt: true,
      accessTokenEnc: true,
      refreshTokenEnc: true,
    },
  });
  return row && { ...row, providerData: readXeroProviderData(row.providerData) };
}

export function toConnectionSummary({
  accessTokenEnc,
  refreshTokenEnc,
  ...summary
}: ConnectionRecord): ConnectionSummary {
  return summary;
}
