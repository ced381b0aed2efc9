import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../errors/domain-errors";
import { changeUserPassword } from "./change-user-password";
import { getSessionVersion } from "./get-session-version";
import { revokeUserSessions } from "./revoke-user-sessions";

const userIds: string[] = [];

async function createUser() {
  const user = await prisma.user.create({
    data: { email: `sessions-${randomUUID()}@example.test`, name: "Sam", passwordHash: "old-hash" },
  });
  userIds.push(user.id);
  return user.id;
}

afterAll(async () => {
  await prisma.user.deleteMany({ where: { id: { in: userIds } } });
});

describe("session versions", () => {
  it("start at 0 and rise with each sign-out everywhere, for that user only", async () => {
    const [userId, otherId] = [await createUser(), await createUser()];
    expect(await getSessionVersion({ userId })).toBe(0);
    await revokeUserSessions({ userId });
    await revokeUserSessions({ userId });
    expect(await getSessionVersion({ userId })).toBe(2);
    expect(await getSessionVersion({ userId: otherId })).toBe(0);
  });

  it("rise when the password changes, in the same update as the new hash", async () => {
    const userId = await createUser();
    await changeUserPassword({ userId, passwordHash: "new-hash" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      passwordHash: "new-hash",
      sessionVersion: 1,
    });
  });

  it("are null for a user that no longer exists, whose sessions cannot be revoked either", async () => {
    const userId = `gone-${randomUUID()}`;
    expect(await getSessionVersion({ userId })).toBeNull();
    await expect(revokeUserSessions({ userId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeUserPassword({ userId, passwordHash: "x" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
