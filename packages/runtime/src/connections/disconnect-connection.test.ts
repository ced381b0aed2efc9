import { randomUUID } from "node:crypto";
// Test driver for the sandbox (mint tokens as a finished consent would), kept beside token access.
import { getXeroClient, listTenantConnections, sandboxAdmin } from "@ledgerflow/connector-xero/testing";
import { prisma } from "@ledgerflow/db";
import { decryptConnectionTokens, encryptTokenPair } from "@ledgerflow/vault";
import { afterAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../errors/domain-errors";
import { disconnectConnection } from "./disconnect-connection";
import { listConnections } from "./presenters/list-connections";

// Disconnect against real Postgres, Redis and the sandbox over HTTP. Each test makes its own user,
// workspace and sandbox consent.

const created: { userIds: string[]; workspaceIds: string[] } = { userIds: [], workspaceIds: [] };

async function createWorkspace() {
  const user = await prisma.user.create({ data: { email: `disconnect-${randomUUID()}@example.test`, name: "Pat" } });
  const workspace = await prisma.workspace.create({
    data: { name: `disconnect ${user.id}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
  });
  created.userIds.push(user.id);
  created.workspaceIds.push(workspace.id);
  return { userId: user.id, workspaceId: workspace.id };
}

/**
 * `count` sandbox organisations from one consent, stored as the Xero callback stores them: the
 * consent's token pair on every row, and Xero's id of each tenant connection in providerData.
 */
async function connectOrganisations(owner: { userId: string; workspaceId: string }, count: number) {
  const all = (await sandboxAdmin.mintTokens()).tenantIds;
  const minted = await sandboxAdmin.mintTokens({
    tenantIds: all.slice(0, count),
    email: `consent-${randomUUID()}@sandbox.test`,
  });
  const atXero = await sandboxAdmin.grantConnections(minted.grantId);
  expect(atXero).toHaveLength(count);
  return Promise.all(
    atXero.map((tenant, index) =>
      prisma.connection.create({
        data: {
          workspaceId: owner.workspaceId,
          provider: "xero",
          externalId: tenant.tenantId,
          name: `Organisation ${index + 1}`,
          providerData: { tenantType: "ORGANISATION", connectionId: tenant.id },
          scopes: minted.scope.split(" "),
          expiresAt: new Date(Date.now() + minted.expires_in * 1000),
          createdById: owner.userId,
          ...encryptTokenPair({ accessToken: minted.access_token, refreshToken: minted.refresh_token }),
        },
      }),
    ),
  );
}

afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: created.workspaceIds } } });
  await prisma.user.deleteMany({ where: { id: { in: created.userIds } } });
});

describe("disconnectConnection", () => {
  it("removes one organisation at Xero, keeps its sibling working, and erases the tokens", async () => {
    const owner = await createWorkspace();
    const [first, second] = await connectOrganisations(owner, 2);
    if (!first || !second) throw new Error("expected two connections");

    const outcome = await disconnectConnection({ workspaceId: owner.workspaceId, connectionId: first.id });

    expect(outcome).toEqual({ name: first.name, revokedAtProvider: true });
    const gone = await prisma.connection.findUniqueOrThrow({ where: { id: first.id } });
    expect(gone).toMatchObject({ status: "REVOKED", accessTokenEnc: null, refreshTokenEnc: null, expiresAt: null });
    // The Connections page shows it revoked, and never a token.
    const rows = await listConnections(owner);
    expect(rows.find((row) => row.id === first.id)?.status).toBe("REVOKED");
    for (const row of rows) expect(row).not.toHaveProperty("accessTokenEnc");
    // The sandbox no longer lists the organisation for this consent; the other one still works.
    const { accessToken } = decryptConnectionTokens(second);
    const atXero = await listTenantConnections(accessToken);
    expect(atXero.map((connection) => connection.tenantId)).toEqual([second.externalId]);
    const client = await getXeroClient(second.id, owner.workspaceId);
    expect((await client.accounting.getOrganisations(client.tenantId)).response.status).toBe(200);
  });

  it("revokes the refresh token when the last organisation of a consent is disconnected", async () => {
    const owner = await createWorkspace();
    const [row] = await connectOrganisations(owner, 1);
    if (!row) throw new Error("expected a connection");
    const { refreshToken } = decryptConnectionTokens(row);
    const refusedBefore = (await sandboxAdmin.tokenStats()).refused.invalid_grant ?? 0;

    await disconnectConnection({ workspaceId: owner.workspaceId, connectionId: row.id });

    // The sandbox refuses the old refresh token from now on.
    const response = await fetch(`${process.env.LEDGERFLOW_TEST_SANDBOX_URL}/connect/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${process.env.XERO_CLIENT_ID}:${process.env.XERO_CLIENT_SECRET}`).toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error?: string }).error).toBe("invalid_grant");
    expect((await sandboxAdmin.tokenStats()).refused.invalid_grant).toBe(refusedBefore + 1);
  });

  it("erases a connection whose provider has no revocation, saying the provider was not told", async () => {
    const owner = await createWorkspace();
    const row = await prisma.connection.create({
      data: {
        workspaceId: owner.workspaceId,
        provider: "no-such-connector",
        externalId: `account-${randomUUID()}`,
        name: "Elsewhere Ltd",
        scopes: [],
        createdById: owner.userId,
        ...encryptTokenPair({ accessToken: "access", refreshToken: "refresh" }),
      },
    });

    const outcome = await disconnectConnection({ workspaceId: owner.workspaceId, connectionId: row.id });

    expect(outcome).toEqual({ name: "Elsewhere Ltd", revokedAtProvider: false });
    expect(await prisma.connection.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "REVOKED",
      accessTokenEnc: null,
      refreshTokenEnc: null,
    });
  });

  it("treats another workspace's connection as not found and leaves it unchanged", async () => {
    const owner = await createWorkspace();
    const intruder = await createWorkspace();
    const [row] = await connectOrganisations(owner, 1);
    if (!row) throw new Error("expected a connection");

    await expect(disconnectConnection({ workspaceId: intruder.workspaceId, connectionId: row.id })).rejects.toThrow(
      NotFoundError,
    );
    expect(await prisma.connection.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});
