import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import type { CatalogAction, FlowStep } from "@ledgerflow/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appConnectors } from "../connectors/app-connectors";
import { clientFor } from "../connectors/client-for";
import { InvalidInputError, NotFoundError } from "../errors/domain-errors";
import { createSecretConnection } from "./create-secret-connection";
import { disconnectConnection } from "./disconnect-connection";
import { listConnections } from "./presenters/list-connections";

// An HTTP connection against the real database and vault: typed once, kept encrypted, handed to the
// HTTP step of its own workspace only, and gone for good once disconnected.

let userId: string;
let workspaceId: string;
let otherWorkspaceId: string;
beforeAll(async () => {
  const user = await prisma.user.create({ data: { email: `secret-${randomUUID()}@example.test`, name: "Sam" } });
  userId = user.id;
  const make = (name: string) =>
    prisma.workspace.create({ data: { name, memberships: { create: { userId, role: "OWNER" } } } });
  workspaceId = (await make(`secret ${user.id}`)).id;
  otherWorkspaceId = (await make(`other ${user.id}`)).id;
});
afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: [workspaceId, otherWorkspaceId] } } });
  await prisma.user.delete({ where: { id: userId } });
});

const action = appConnectors().catalog.get("http.request") as CatalogAction;
const stepWith = (connectionId?: string): FlowStep => ({
  key: "tell_crm",
  action: "http.request",
  input: {},
  ...(connectionId ? { connectionId } : {}),
});

describe("createSecretConnection", () => {
  it("keeps the credentials encrypted, lists the connection without them, and gives the HTTP step its headers", async () => {
    const token = `tok_${randomUUID()}`;
    const { id } = await createSecretConnection({
      workspaceId,
      userId,
      provider: "http",
      name: "CRM API",
      values: { type: "bearer", token },
    });
    const row = await prisma.connection.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ provider: "http", name: "CRM API", status: "ACTIVE", refreshTokenEnc: null });
    expect(row.accessTokenEnc).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(await listConnections({ workspaceId }))).not.toContain(token);

    expect(await clientFor({ workspaceId })(stepWith(id), action)).toEqual({
      headers: { authorization: `Bearer ${token}` },
    });
    // No connection named: the step sends no credentials.
    expect(await clientFor({ workspaceId })(stepWith(), action)).toBeUndefined();
  });

  it("refuses what its form refuses, naming the field", async () => {
    const attempt = (values: Record<string, unknown>) =>
      createSecretConnection({ workspaceId, userId, provider: "http", name: "Bad", values });
    await expect(attempt({ type: "bearer" })).rejects.toMatchObject({ field: "token" });
    await expect(attempt({ type: "header", headerName: "X Key", headerValue: "k" })).rejects.toMatchObject({
      field: "headerName",
    });
    await expect(attempt({ type: "basic", username: "a", password: "p\nq" })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      createSecretConnection({ workspaceId, userId, provider: "xero", name: "Not this way", values: {} }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is not handed to another workspace's step, nor once disconnected", async () => {
    const { id } = await createSecretConnection({
      workspaceId,
      userId,
      provider: "http",
      name: "Shop API",
      values: { type: "header", headerName: "X-Api-Key", headerValue: "key_1" },
    });
    await expect(
      Promise.resolve(clientFor({ workspaceId: otherWorkspaceId })(stepWith(id), action)),
    ).rejects.toMatchObject({
      code: "invalid_input",
      field: "connectionId",
    });
    await disconnectConnection({ workspaceId, connectionId: id });
    expect(await prisma.connection.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "REVOKED",
      accessTokenEnc: null,
    });
    await expect(Promise.resolve(clientFor({ workspaceId })(stepWith(id), action))).rejects.toThrow(
      'The connection "Shop API" was disconnected',
    );
  });
});
