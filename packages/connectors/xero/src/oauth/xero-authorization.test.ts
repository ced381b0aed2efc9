import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { sharedRedis } from "@ledgerflow/queue";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { answerSandboxConsent, sandboxAdmin } from "../testing/sandbox-admin";
import { getXeroClient } from "../token-access/get-xero-client";
import { completeXeroAuthorization } from "./complete-xero-authorization";
import { pendingXeroAuthorizationKey } from "./pending-xero-authorization";
import { startXeroAuthorization } from "./start-xero-authorization";
import { XeroAuthorizationError } from "./xero-authorization-error";

// The OAuth flow end to end against the sandbox over HTTP (the consent form answered with fetch),
// real Postgres and Redis. Each test makes its own user and workspace. Who may connect is the
// caller's rule (mayConnect); here it allows everyone but where a test says otherwise.

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

const mayConnect = async () => true;

/** Completes a callback as the given user, with everyone allowed to connect. */
const complete = (callbackUrl: string, userId: string) =>
  completeXeroAuthorization({ callbackUrl, userId, mayConnect });

/** Runs the whole consent: start, answer the sandbox's page, complete. */
async function connect(
  member: { userId: string; workspaceId: string },
  answer: { decision: "allow" | "deny"; tenantIds?: string[]; email?: string },
) {
  const url = await startXeroAuthorization(member);
  const callbackUrl = await answerSandboxConsent(url, answer);
  return { callbackUrl, result: await complete(callbackUrl, member.userId) };
}

const countConnections = (workspaceId: string) => prisma.connection.count({ where: { workspaceId } });
const connectionsOf = (workspaceId: string) =>
  prisma.connection.findMany({ where: { workspaceId }, orderBy: { externalId: "asc" } });

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

    const rows = await connectionsOf(member.workspaceId);
    expect(result).toEqual({ outcome: "connected", names: expect.arrayContaining(rows.map((row) => row.name)) });
    expect(rows.map((row) => row.externalId).sort()).toEqual(tenantIds.slice(0, 2).sort());
    for (const row of rows) {
      expect(row).toMatchObject({ provider: "xero", status: "ACTIVE" });
      expect(row.scopes).toContain("accounting.invoices");
      expect(row.scopes).toContain("offline_access");
      expect(row.accessTokenEnc).toMatch(/^v1\./);
      // Xero's own fields live in providerData: its tenant type, and the id of this organisation's
      // tenant connection that disconnecting removes.
      expect(row.providerData).toEqual({ tenantType: "ORGANISATION", connectionId: expect.any(String) });
    }
    const [stored] = rows as [(typeof rows)[number]];
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

    const rows = await connectionsOf(member.workspaceId);
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
    await expect(complete(callback.toString(), member.userId)).rejects.toThrow(XeroAuthorizationError);
    expect(await countConnections(member.workspaceId)).toBe(0);
  });

  it("rejects a reused state", async () => {
    const member = await createMember();
    const { callbackUrl } = await connect(member, { decision: "allow", tenantIds: [tenantIds[0] as string] });
    await prisma.connection.deleteMany({ where: { workspaceId: member.workspaceId } });

    await expect(complete(callbackUrl, member.userId)).rejects.toThrow(XeroAuthorizationError);
    expect(await countConnections(member.workspaceId)).toBe(0);
  });

  it("rejects a state that was issued to another user, and leaves it usable by its owner", async () => {
    const member = await createMember();
    const other = await createMember();
    const callbackUrl = await answerSandboxConsent(await startXeroAuthorization(member), {
      decision: "allow",
      tenantIds: [tenantIds[0] as string],
    });

    await expect(complete(callbackUrl, other.userId)).rejects.toThrow(XeroAuthorizationError);
    expect(await countConnections(member.workspaceId)).toBe(0);
    expect(await countConnections(other.workspaceId)).toBe(0);

    // Someone else presenting the link must not burn it: its owner still completes, once.
    await expect(complete(callbackUrl, member.userId)).resolves.toMatchObject({ outcome: "connected" });
    expect(await countConnections(member.workspaceId)).toBe(1);
    await expect(complete(callbackUrl, member.userId)).rejects.toThrow(XeroAuthorizationError);
  });

  it("asks mayConnect about the authorization's workspace, and stores nothing when it says no", async () => {
    const owner = await createMember();
    const viewer = await createMember("VIEWER", owner.workspaceId);
    const callbackUrl = await answerSandboxConsent(await startXeroAuthorization(viewer), {
      decision: "allow",
      tenantIds,
    });
    const refuse = vi.fn(async () => false);

    const refused = await completeXeroAuthorization({ callbackUrl, userId: viewer.userId, mayConnect: refuse }).catch(
      (error: unknown) => error,
    );

    expect(refused).toBeInstanceOf(XeroAuthorizationError);
    expect(refused).toMatchObject({ refusal: "forbidden", message: expect.stringMatching(/role/) });
    expect(refuse).toHaveBeenCalledWith(owner.workspaceId);
    expect(await countConnections(owner.workspaceId)).toBe(0);
  });
});
