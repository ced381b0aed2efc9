import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, describe, expect, it } from "vitest";
import { ConflictError } from "../errors/domain-errors";
import { createUserWithWorkspace } from "./create-user-with-workspace";
import { findWorkspaceMembership } from "./find-workspace-membership";
import { roleAllows } from "./workspace-role";

const userIds: string[] = [];
const workspaceIds: string[] = [];

async function signUp(name = "Alex") {
  const created = await createUserWithWorkspace({
    email: `  Member-${randomUUID()}@Example.TEST `,
    name,
    passwordHash: "$argon2id$placeholder",
  });
  userIds.push(created.user.id);
  workspaceIds.push(created.workspace.id);
  return created;
}

afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: workspaceIds } } });
  await prisma.user.deleteMany({ where: { id: { in: userIds } } });
});

describe("createUserWithWorkspace", () => {
  it("creates the user with a normalised email, a personal workspace, and makes them its OWNER", async () => {
    const { user, workspace } = await signUp("Alex");
    expect(user.email).toMatch(/^member-[0-9a-f-]+@example\.test$/);
    expect(workspace.name).toBe("Alex's workspace");
    const membership = await prisma.membership.findUniqueOrThrow({
      where: { userId_workspaceId: { userId: user.id, workspaceId: workspace.id } },
    });
    expect(membership.role).toBe("OWNER");
  });

  it("refuses a second account for the same email, whatever its case, and creates nothing", async () => {
    const { user } = await signUp();
    await expect(
      createUserWithWorkspace({ email: user.email.toUpperCase(), name: "Twin", passwordHash: "x" }),
    ).rejects.toThrow(ConflictError);
    expect(await prisma.user.count({ where: { email: user.email } })).toBe(1);
    expect(await prisma.workspace.count({ where: { name: "Twin's workspace" } })).toBe(0);
  });
});

describe("findWorkspaceMembership", () => {
  it("defaults to the user's own (oldest) workspace", async () => {
    const { user, workspace } = await signUp();
    expect(await findWorkspaceMembership({ userId: user.id })).toEqual({
      role: "OWNER",
      workspace: { id: workspace.id, name: workspace.name },
    });
  });

  it("honours a requested workspace only if the user is a member of it", async () => {
    const alice = await signUp("Alice");
    const bob = await signUp("Bob");
    expect(await findWorkspaceMembership({ userId: bob.user.id, workspaceId: alice.workspace.id })).toBeNull();

    await prisma.membership.create({ data: { userId: bob.user.id, workspaceId: alice.workspace.id, role: "VIEWER" } });
    expect(await findWorkspaceMembership({ userId: bob.user.id, workspaceId: alice.workspace.id })).toEqual({
      role: "VIEWER",
      workspace: { id: alice.workspace.id, name: alice.workspace.name },
    });
    // Joining another workspace does not change the default.
    expect((await findWorkspaceMembership({ userId: bob.user.id }))?.workspace.id).toBe(bob.workspace.id);
  });
});

describe("roleAllows", () => {
  it.each([
    ["OWNER", "EDITOR", true],
    ["EDITOR", "EDITOR", true],
    ["VIEWER", "EDITOR", false],
    ["EDITOR", "OWNER", false],
    ["VIEWER", "VIEWER", true],
  ] as const)("%s meets %s: %s", (role, minimum, expected) => {
    expect(roleAllows(role, minimum)).toBe(expected);
  });
});
