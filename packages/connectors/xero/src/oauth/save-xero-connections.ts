import { prisma } from "@ledgerflow/db";
import { encryptTokenPair } from "@ledgerflow/vault";
import type { XeroConnection } from "../client/list-tenant-connections";
import type { XeroTokenSet } from "../client/xero-token-set";
import type { XeroProviderData } from "../token-access/xero-provider-data";

/**
 * Stores one Connection per organisation a consent granted. Upserts on (workspace, provider,
 * tenant): reconnecting an organisation refreshes its tokens, scopes and status, never duplicates
 * it. All of them share the consent's token pair, each encrypted on its own.
 */
export async function saveXeroConnections({
  workspaceId,
  userId,
  tokenSet,
  tenants,
}: {
  workspaceId: string;
  userId: string;
  tokenSet: XeroTokenSet & { refreshToken: string };
  tenants: XeroConnection[];
}) {
  return prisma.$transaction(
    tenants.map((tenant) => {
      const fields = {
        name: tenant.tenantName ?? "Xero organisation",
        providerData: { tenantType: tenant.tenantType, connectionId: tenant.id } satisfies XeroProviderData,
        ...encryptTokenPair({ accessToken: tokenSet.accessToken, refreshToken: tokenSet.refreshToken }),
        expiresAt: tokenSet.expiresAt,
        scopes: tokenSet.scopes,
        status: "ACTIVE" as const,
        statusReason: null,
      };
      return prisma.connection.upsert({
        where: { workspaceId_provider_externalId: { workspaceId, provider: "xero", externalId: tenant.tenantId } },
        create: { workspaceId, provider: "xero", externalId: tenant.tenantId, createdById: userId, ...fields },
        update: fields,
        select: { id: true, externalId: true, name: true },
      });
    }),
  );
}
