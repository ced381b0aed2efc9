import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { decryptConnectionTokens, encryptTokenPair } from "@ledgerflow/vault";
import { afterAll, describe, expect, it } from "vitest";
import { sandboxAdmin } from "../testing/sandbox-admin";
import { stepErrorOf } from "../testing/step-error-of";
import { connectionMissingScopes } from "./connection-missing-scopes";
import { getXeroClient } from "./get-xero-client";

// Real Postgres, Redis and the sandbox over HTTP (scripts/test.mjs). Every test makes its own user,
// workspace and sandbox grant.

const run = randomUUID().slice(0, 8);
const cleanup: { userIds: string[]; workspaceIds: string[] } = { userIds: [], workspaceIds: [] };

async function createWorkspace(label: string) {
  const user = await prisma.user.create({
    data: { email: `${label}-${run}-${randomUUID()}@example.test`, name: label },
  });
  const workspace = await prisma.workspace.create({
    data: { name: `${label} ${run}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
  });
  cleanup.userIds.push(user.id);
  cleanup.workspaceIds.push(workspace.id);
  return { userId: user.id, workspaceId: workspace.id };
}

/**
 * A workspace of its own with one connection holding freshly minted sandbox tokens; `expired` makes
 * both our row and the sandbox consider the access token spent.
 */
async function createConnection({ expired }: { expired: boolean }) {
  const owner = await createWorkspace("token-access");
  const minted = await sandboxAdmin.mintTokens({ email: `owner-${randomUUID()}@sandbox.test` });
  const tenantId = minted.tenantIds[0] as string;
  if (expired) await sandboxAdmin.expireAccessTokens(minted.grantId);
  const connection = await prisma.connection.create({
    data: {
      workspaceId: owner.workspaceId,
      provider: "xero",
      externalId: tenantId,
      name: `Org ${tenantId.slice(0, 6)}`,
      scopes: minted.scope.split(" "),
      createdById: owner.userId,
      expiresAt: expired ? new Date(Date.now() - 1_000) : new Date(Date.now() + minted.expires_in * 1000),
      ...encryptTokenPair({ accessToken: minted.access_token, refreshToken: minted.refresh_token }),
    },
  });
  return { owner, connection, minted };
}

afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: cleanup.workspaceIds } } });
  await prisma.user.deleteMany({ where: { id: { in: cleanup.userIds } } });
});

describe("getXeroClient", () => {
  it("uses a valid token as it is, without a refresh", async () => {
    const { owner, connection } = await createConnection({ expired: false });
    const before = (await sandboxAdmin.tokenStats()).grants.refresh_token ?? 0;

    const client = await getXeroClient(connection.id, owner.workspaceId);
    const { body } = await client.accounting.getOrganisations(client.tenantId);

    expect(body.organisations?.length).toBe(1);
    expect(client.connection).toMatchObject({ id: connection.id, externalId: connection.externalId, status: "ACTIVE" });
    expect(client.connection).not.toHaveProperty("accessTokenEnc");
    expect((await sandboxAdmin.tokenStats()).grants.refresh_token ?? 0).toBe(before);
  });

  it("refreshes an expired connection exactly once for 25 concurrent callers, and all 25 succeed", async () => {
    const { owner, connection, minted } = await createConnection({ expired: true });
    const before = (await sandboxAdmin.tokenStats()).grants.refresh_token ?? 0;

    const clients = await Promise.all(
      Array.from({ length: 25 }, () => getXeroClient(connection.id, owner.workspaceId)),
    );
    const answers = await Promise.all(clients.map((client) => client.accounting.getOrganisations(client.tenantId)));

    expect((await sandboxAdmin.tokenStats()).grants.refresh_token).toBe(before + 1);
    expect(answers.every(({ response }) => response.status === 200)).toBe(true);
    const row = await prisma.connection.findUniqueOrThrow({ where: { id: connection.id } });
    const stored = decryptConnectionTokens(row);
    expect(stored.refreshToken).not.toBe(minted.refresh_token); // rotated, and saved with its access token
    expect(row.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 60_000);
    expect(row.lastRefreshedAt).not.toBeNull();
  });

  it("stores no token in plaintext anywhere in the database", async () => {
    const { owner, connection, minted } = await createConnection({ expired: true });
    await getXeroClient(connection.id, owner.workspaceId);
    const row = await prisma.connection.findUniqueOrThrow({ where: { id: connection.id } });
    const current = decryptConnectionTokens(row);
    const secrets = [minted.access_token, minted.refresh_token, current.accessToken, current.refreshToken];

    const tables = await prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    for (const { table_name } of tables) {
      for (const secret of secrets) {
        const hits = await prisma.$queryRawUnsafe<{ count: bigint }[]>(
          `SELECT count(*) AS count FROM "${table_name.replaceAll('"', "")}" AS t WHERE t::text LIKE $1`,
          `%${secret}%`,
        );
        expect(Number(hits[0]?.count), `a token in plaintext in table ${table_name}`).toBe(0);
      }
    }
  });

  it("marks the connection NEEDS_REAUTH when Xero refuses the refresh token, and asks to reconnect", async () => {
    const { owner, connection, minted } = await createConnection({ expired: true });
    await sandboxAdmin.revokeGrant(minted.refresh_token);

    const error = await stepErrorOf(getXeroClient(connection.id, owner.workspaceId));

    expect(error.code).toBe("connection_needs_reconnect");
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/Reconnect the Xero connection ".+" on the Connections page\./);
    const row = await prisma.connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.status).toBe("NEEDS_REAUTH");
    // Later calls fail at once, without asking Xero again.
    const refusedBefore = (await sandboxAdmin.tokenStats()).refused.invalid_grant ?? 0;
    expect((await stepErrorOf(getXeroClient(connection.id, owner.workspaceId))).code).toBe(
      "connection_needs_reconnect",
    );
    expect((await sandboxAdmin.tokenStats()).refused.invalid_grant ?? 0).toBe(refusedBefore);
  });

  it("treats another workspace's connection id as not found and leaves it unchanged", async () => {
    const { connection } = await createConnection({ expired: true });
    const intruder = await createWorkspace("intruder");

    const error = await stepErrorOf(getXeroClient(connection.id, intruder.workspaceId));

    expect(error.code).toBe("connection_not_found");
    const row = await prisma.connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row).toEqual(connection);
  });

  it("names the connection, not the token, when its ciphertext was tampered with", async () => {
    const { owner, connection, minted } = await createConnection({ expired: false });
    const [version, keyId, iv, tag, data] = (connection.accessTokenEnc as string).split(".");
    const flipped = Buffer.from(data as string, "base64url");
    flipped[0] = (flipped[0] as number) ^ 0xff;
    await prisma.connection.update({
      where: { id: connection.id },
      data: { accessTokenEnc: [version, keyId, iv, tag, flipped.toString("base64url")].join(".") },
    });

    const error = await stepErrorOf(getXeroClient(connection.id, owner.workspaceId));

    expect(error.code).toBe("connection_tokens_unreadable");
    expect(error.message).toContain(connection.id);
    expect(error.message).toContain(connection.name);
    expect(JSON.stringify(error.toJSON())).not.toContain(minted.refresh_token);
  });
});

describe("connectionMissingScopes", () => {
  const createInvoice = { classic: ["accounting.transactions"], granular: ["accounting.invoices"] };

  it("is satisfied by either scheme", () => {
    expect(connectionMissingScopes({ scopes: ["accounting.invoices"] }, createInvoice)).toEqual([]);
    expect(connectionMissingScopes({ scopes: ["accounting.transactions"] }, createInvoice)).toEqual([]);
  });

  it("names what a granular connection lacks", () => {
    expect(connectionMissingScopes({ scopes: ["accounting.contacts"] }, createInvoice)).toEqual([
      "accounting.invoices",
    ]);
  });
});
