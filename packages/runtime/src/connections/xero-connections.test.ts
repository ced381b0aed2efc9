import { randomUUID } from "node:crypto";
import { getXeroClient, listTenantConnections } from "@ledgerflow/connector-xero";
// Test driver for the sandbox (mint tokens, answer the consent page), kept beside token access.
import { answerSandboxConsent, sandboxAdmin } from "@ledgerflow/connector-xero/testing";
import { prisma } from "@ledgerflow/db";
import { sharedRedis } from "@ledgerflow/queue";
import { decryptConnectionTokens } from "@ledgerflow/vault";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError, NotFoundError } from "../errors/domain-errors";
import { completeXeroAuthorization } from "./complete-xero-authorization";
import { disconnectConnection } from "./disconnect-connection";
import { listConnections } from "./list-connections";
import { pendingXeroAuthorizationKey } from "./pending-xero-authorization";
import { startXeroAuthorization } from "./start-xero-authorization";

// The OAuth flow end to end against the sandbox over HTTP (the consent form answered with fetch),
// real Postgres and Redis. Each test makes its own user and workspace.

const created: { userIds: string[]; workspaceIds: string[] } = { userIds: [], workspaceIds: [] };
let tenantIds: string[] = [];

async function createMember(role: "OWNER" | "EDITOR" | "VIEWER" = "OWNER", workspaceId?: string) {
  const user = await prisma.user.create({ data: { email: `conn-${randomUUID()}@example.test`, name: "Pat" } });
  created.userIds.push(user.id);
  if (workspaceId) {
    await prisma.membership.create({ data: { userId: user.id, workspaceId, role } });
    return { userId: user.id, workspaceId };
  }
  const workspace = await prisma.workspace.create({
    data: { name: `connections ${user.id}`, memberships: { create: { userId: user.id, role } } },
  });
  created.workspaceIds.push(workspace.id);
  return { userId: user.id, workspaceId: workspace.id };
}

/** Runs the whole consent: start, answer the sandbox's page, complete. */
async function connect(
  member: { userId: string; workspaceId: string },
  answer: { decision: "allow" | "deny"; tenantIds?: string[]; email?: string },
) {
  const url = await startXeroAuthorization(member);
  const callbackUrl = await answerSandboxConsent(url, answer);
  return { callbackUrl, result: await completeXeroAuthorization({ callbackUrl, userId: member.userId }) };
}

const countConnections = (workspaceId: string) => prisma.connection.count({ where: { workspaceId } });

beforeAll(async () => {
  // Every organisation the sandbox knows (a mint without tenantIds grants them all).
  tenantIds = (await sandboxAdmin.mintTokens()).tenantIds;
  expect(tenantIds.length).toBeGreaterThanOrEqual(2);
});

afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: created.workspaceIds } } });
  await prisma.user.deleteMany({ where: { id: { in: created.userIds } } });
});

describe("connecting Xero organisations", () => {
  it("stores one ACTIVE connection per organisation granted, with scopes and encrypted tokens", async () => {
    const member = await createMember();
    const { result } = await connect(member, { decision: "allow", tenantIds: tenantIds.slice(0, 2) });

    expect(result).toMatchObject({ outcome: "connected" });
    const rows = await listConnections(member);
    expect(rows.map((row) => row.tenantId).sort()).toEqual(tenantIds.slice(0, 2).sort());
    for (const row of rows) {
      expect(row.status).toBe("ACTIVE");
      expect(row.scopes).toContain("accounting.invoices");
      expect(row.scopes).toContain("offline_access");
      expect(row).not.toHaveProperty("accessTokenEnc");
    }
    const stored = await prisma.connection.findFirstOrThrow({ where: { workspaceId: member.workspaceId } });
    expect(stored.accessTokenEnc).toMatch(/^v1\./);
    const client = await getXeroClient(stored.id, member.workspaceId);
    expect((await client.accounting.getOrganisations(client.tenantId)).response.status).toBe(200);
  });

  it("updates the organisation on reconnect instead of duplicating it, and restores ACTIVE", async () => {
    const member = await createMember();
    const email = `same-${randomUUID()}@sandbox.test`;
    await connect(member, { decision: "allow", tenantIds: [tenantIds[0] as string], email });
    await prisma.connection.updateMany({
      where: { workspaceId: member.workspaceId },
      data: { status: "NEEDS_REAUTH" },
    });

    await connect(member, { decision: "allow", tenantIds: [tenantIds[0] as string], email });

    const rows = await listConnections(member);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("ACTIVE");
  });

  it("returns 'denied' when the user denies consent, storing nothing", async () => {
    const member = await createMember();
    const { result } = await connect(member, { decision: "deny" });
    expect(result).toEqual({ outcome: "denied" });
    expect(await countConnections(member.workspaceId)).toBe(0);
  });

  it("keeps the pending state for at most 10 minutes", async () => {
    const member = await createMember();
    const state = new URL(await startXeroAuthorization(member)).searchParams.get("state") as string;
    const ttl = await sharedRedis().ttl(pendingXeroAuthorizationKey(member.userId, state));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600);
  });
});

describe("callbacks that must store nothing", () => {
  it.each([
    ["a missing state", (url: URL) => url.searchParams.delete("state")],
    ["a wrong state", (url: URL) => url.searchParams.set("state", "forged-state")],
  ])("rejects %s", async (_case, tamper) => {
    const member = await createMember();
    const callback = new URL(
      await answerSandboxConsent(await startXeroAuthorization(member), { decision: "allow", tenantIds }),
    );
    tamper(callback);
    await expect(
      completeXeroAuthorization({ callbackUrl: callback.toString(), userId: member.userId }),
    ).rejects.toThrow(InvalidInputError);
    expect(await countConnections(member.workspaceId)).toBe(0);
  });

  it("rejects a reused state", async () => {
    const member = await createMember();
    const { callbackUrl } = await connect(member, { decision: "allow", tenantIds: [tenantIds[0] as string] });
    await prisma.connection.deleteMany({ where: { workspaceId: member.workspaceId } });

    await expect(completeXeroAuthorization({ callbackUrl, userId: member.userId })).rejects.toThrow(InvalidInputError);
    expect(await countConnections(member.workspaceId)).toBe(0);
  });

  it("rejects a state that was issued to another user, and leaves it usable by its owner", async () => {
    const member = await createMember();
    const other = await createMember();
    const callbackUrl = await answerSandboxConsent(await startXeroAuthorization(member), {
      decision: "allow",
      tenantIds: [tenantIds[0] as string],
    });

    await expect(completeXeroAuthorization({ callbackUrl, userId: other.userId })).rejects.toThrow(InvalidInputError);
    expect(await countConnections(member.workspaceId)).toBe(0);
    expect(await countConnections(other.workspaceId)).toBe(0);

    // Someone else presenting the link must not burn it: its owner still completes, once.
    await expect(completeXeroAuthorization({ callbackUrl, userId: member.userId })).resolves.toMatchObject({
      outcome: "connected",
    });
    expect(await countConnections(member.workspaceId)).toBe(1);
    await expect(completeXeroAuthorization({ callbackUrl, userId: member.userId })).rejects.toThrow(InvalidInputError);
  });

  it("refuses a VIEWER of the workspace", async () => {
    const owner = await createMember();
    const viewer = await createMember("VIEWER", owner.workspaceId);
    const callbackUrl = await answerSandboxConsent(await startXeroAuthorization(viewer), {
      decision: "allow",
      tenantIds,
    });

    await expect(completeXeroAuthorization({ callbackUrl, userId: viewer.userId })).rejects.toThrow(/role/);
    expect(await countConnections(owner.workspaceId)).toBe(0);
  });
});

describe("disconnecting", () => {
  it("removes one organisation at Xero, keeps its sibling working, and erases the tokens", async () => {
    const member = await createMember();
    await connect(member, { decision: "allow", tenantIds: tenantIds.slice(0, 2) });
    const [first, second] = await prisma.connection.findMany({
      where: { workspaceId: member.workspaceId },
      orderBy: { tenantId: "asc" },
    });
    if (!first || !second) throw new Error("expected two connections");

    const outcome = await disconnectConnection({ workspaceId: member.workspaceId, connectionId: first.id });

    expect(outcome.revokedAtXero).toBe(true);
    const gone = await prisma.connection.findUniqueOrThrow({ where: { id: first.id } });
    expect(gone).toMatchObject({ status: "REVOKED", accessTokenEnc: null, refreshTokenEnc: null });
    // The sandbox no longer lists the organisation for this consent; the other one still works.
    const { accessToken } = decryptConnectionTokens(second);
    const atXero = await listTenantConnections(accessToken);
    expect(atXero.map((connection) => connection.tenantId)).toEqual([second.tenantId]);
    const client = await getXeroClient(second.id, member.workspaceId);
    expect((await client.accounting.getOrganisations(client.tenantId)).response.status).toBe(200);
  });

  it("revokes the refresh token when the last organisation of a consent is disconnected", async () => {
    const member = await createMember();
    await connect(member, { decision: "allow", tenantIds: [tenantIds[0] as string] });
    const row = await prisma.connection.findFirstOrThrow({ where: { workspaceId: member.workspaceId } });
    const { refreshToken } = decryptConnectionTokens(row);
    const refusedBefore = (await sandboxAdmin.tokenStats()).refused.invalid_grant ?? 0;

    await disconnectConnection({ workspaceId: member.workspaceId, connectionId: row.id });

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

  it("treats another workspace's connection as not found and leaves it unchanged", async () => {
    const owner = await createMember();
    const intruder = await createMember();
    await connect(owner, { decision: "allow", tenantIds: [tenantIds[0] as string] });
    const row = await prisma.connection.findFirstOrThrow({ where: { workspaceId: owner.workspaceId } });

    await expect(disconnectConnection({ workspaceId: intruder.workspaceId, connectionId: row.id })).rejects.toThrow(
      NotFoundError,
    );
    expect(await prisma.connection.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});
