// Seeding through the app's own domain functions (TypeScript, loaded through tsx): a user and
// workspace (createUserWithWorkspace), Xero connections holding tokens the sandbox minted (a real
// grant, encrypted by the vault) and flows switched on through publishFlow.
import { randomBytes } from "node:crypto";

export const BENCH_PASSWORD = "bench-password-0123";

export async function loadDomain() {
  const { register } = await import("tsx/esm/api");
  register();
  const [db, runtime, vault, argon2, flows] = await Promise.all([
    import("@ledgerflow/db"),
    import("@ledgerflow/runtime"),
    import("@ledgerflow/vault"),
    import("@node-rs/argon2"),
    // The order → invoice flow and its payload are the ones the system tests run.
    import("../../apps/worker/src/testing/flows.ts"),
  ]);
  return { prisma: db.prisma, runtime, vault, argon2, flows };
}

export async function seedUser(domain, email) {
  const passwordHash = await domain.argon2.hash(BENCH_PASSWORD);
  return domain.runtime.createUserWithWorkspace({ email, name: "Bench Owner", passwordHash });
}

export async function seedConnections(domain, stack, { workspaceId, userId, count }) {
  const organisations = (await stack.admin("/sandbox/admin/tokens", { body: {} })).tenantIds;
  if (organisations.length < count)
    throw new Error(`The sandbox has ${organisations.length} organisations, not ${count}`);
  const connections = [];
  for (const tenantId of organisations.slice(0, count)) {
    const minted = await stack.admin("/sandbox/admin/tokens", { body: { tenantIds: [tenantId] } });
    connections.push(
      await domain.prisma.connection.create({
        data: {
          workspaceId,
          provider: "xero",
          externalId: tenantId,
          name: `Bench ${tenantId.slice(0, 8)}`,
          ...domain.vault.encryptTokenPair({ accessToken: minted.access_token, refreshToken: minted.refresh_token }),
          expiresAt: new Date(Date.now() + minted.expires_in * 1000),
          scopes: minted.scope.split(" "),
          createdById: userId,
        },
      }),
    );
  }
  return connections;
}

export async function seedFlow(domain, { workspaceId, userId, name, definition }) {
  const flow = await domain.prisma.flow.create({
    data: {
      workspaceId,
      name,
      draft: definition,
      webhookToken: randomBytes(32).toString("base64url"),
      createdById: userId,
    },
  });
  const published = await domain.runtime.publishFlow({ workspaceId, userId, flowId: flow.id });
  if (!published.ok) throw new Error(`The bench flow does not publish: ${JSON.stringify(published.problems)}`);
  return flow;
}

/** One search step (the overhead scenario's step). */
export function findContactFlow(connectionId, name) {
  return {
    schemaVersion: 1,
    trigger: { type: "manual", config: {} },
    steps: [{ key: "find", action: "xero.findContact", connectionId, input: { matchBy: "Name", Name: name } }],
  };
}
