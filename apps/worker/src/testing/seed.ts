import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import type { FlowDefinition, WebhookSettings } from "@ledgerflow/engine";
import { publishFlow } from "@ledgerflow/runtime";
import { encryptTokenPair } from "@ledgerflow/vault";
import { newWebhookToken, type System } from "./system";

/** A user and their workspace (OWNER), created straight in the database for test setup. */
export async function seedWorkspace() {
  const suffix = randomUUID().slice(0, 8);
  const user = await prisma.user.create({ data: { email: `owner-${suffix}@example.test`, name: "Test Owner" } });
  const workspace = await prisma.workspace.create({
    data: { name: `Workspace ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
  });
  return { user, workspace };
}

/**
 * Connects one sandbox organisation to the workspace the way the OAuth callback would leave it:
 * tokens minted by the sandbox (a real grant), encrypted by the vault, status ACTIVE.
 */
export async function seedConnection(
  system: System,
  seed: { workspaceId: string; userId: string; tenantIndex?: number },
) {
  const organisation = system.sandbox.ledger.organisations()[seed.tenantIndex ?? 0];
  if (!organisation) throw new Error(`The sandbox has no organisation ${seed.tenantIndex}`);
  const minted = await system.admin<{ access_token: string; refresh_token: string; expires_in: number; scope: string }>(
    "/sandbox/admin/tokens",
    { tenantIds: [organisation.tenantId] },
  );
  return prisma.connection.create({
    data: {
      workspaceId: seed.workspaceId,
      provider: "xero",
      externalId: organisation.tenantId,
      name: organisation.name,
      ...encryptTokenPair({ accessToken: minted.access_token, refreshToken: minted.refresh_token }),
      expiresAt: new Date(Date.now() + minted.expires_in * 1000),
      scopes: minted.scope.split(" "),
      createdById: seed.userId,
    },
  });
}

/** A flow whose draft is `definition`, switched on (published) through the real publish path. */
export async function seedEnabledFlow(seed: {
  workspaceId: string;
  userId: string;
  definition: FlowDefinition;
  signingSecret?: string;
  webhookSettings?: WebhookSettings;
  enabled?: boolean;
}) {
  const flow = await prisma.flow.create({
    data: {
      workspaceId: seed.workspaceId,
      name: `Flow ${randomUUID().slice(0, 6)}`,
      draft: seed.definition as object,
      webhookToken: newWebhookToken(),
      webhookSigningSecret: seed.signingSecret ?? null,
      webhookSettings: seed.webhookSettings,
      createdById: seed.userId,
    },
  });
  const published = await publishFlow({ workspaceId: seed.workspaceId, userId: seed.userId, flowId: flow.id });
  if (!published.ok) throw new Error(`The test flow does not publish: ${JSON.stringify(published.problems)}`);
  return flow;
}

/** A workspace with one sandbox organisation connected and a flow built on it, switched on. */
export async function seedConnectedFlow(system: System, definition: (connectionId: string) => FlowDefinition) {
  const { user, workspace } = await seedWorkspace();
  const connection = await seedConnection(system, { workspaceId: workspace.id, userId: user.id });
  const flow = await seedEnabledFlow({
    workspaceId: workspace.id,
    userId: user.id,
    definition: definition(connection.id),
  });
  return { user, workspace, connection, flow };
}
