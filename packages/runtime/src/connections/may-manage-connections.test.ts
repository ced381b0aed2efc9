import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, describe, expect, it } from "vitest";
import { mayManageConnections } from "./may-manage-connections";

const created: { userIds: string[]; workspaceIds: string[] } = { userIds: [], workspaceIds: [] };

async function createUser() {
  const user = await prisma.user.create({ data: { email: `may-${randomUUID()}@example.test`, name: "Pat" } });
  created.userIds.push(user.id);
  return user.id;
}

afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: created.workspaceIds } } });
  await prisma.user.deleteMany({ where: { id: { in: created.userIds } } });
});

describe("mayManageConnections", () => {
  it("allows owners and editors of the workspace, not viewers or outsiders", async () => {
    const [owner, editor, viewer, outsider] = await Promise.all([
      createUser(),
      createUser(),
      createUser(),
      createUser(),
    ]);
    const workspace = await prisma.workspace.create({
      data: {
        name: `may-manage ${owner}`,
        memberships: {
          create: [
            { userId: owner, role: "OWNER" },
            { userId: editor, role: "EDITOR" },
            { userId: viewer, role: "VIEWER" },
          ],
        },
      },
    });
    created.workspaceIds.push(workspace.id);
    const may = (userId: string) => mayManageConnections({ userId, workspaceId: workspace.id });

    expect(await Promise.all([may(owner), may(editor), may(viewer), may(outsider)])).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
