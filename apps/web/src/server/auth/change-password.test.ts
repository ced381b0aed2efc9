import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { createUserWithWorkspace, InvalidInputError, RateLimitedError } from "@ledgerflow/runtime";
import { afterAll, describe, expect, it } from "vitest";
import { authorizeCredentials, INVALID_CREDENTIALS_MESSAGE } from "./authorize-credentials";
import { changePassword, WRONG_CURRENT_PASSWORD_MESSAGE } from "./change-password";
import { hashPassword } from "./password";
import { MAX_FAILURES_PER_EMAIL } from "./sign-in-rate-limit";

const oldPassword = "correct horse battery staple";
const newPassword = "a brand new passphrase";
const from = () => ({ clientIp: `192.0.2.1-${randomUUID()}`, deviceToken: undefined });
const created: { userIds: string[]; workspaceIds: string[] } = { userIds: [], workspaceIds: [] };

async function createAccount() {
  const email = `change-${randomUUID()}@example.test`;
  const { user, workspace } = await createUserWithWorkspace({
    email,
    name: "Robin",
    passwordHash: await hashPassword(oldPassword),
  });
  created.userIds.push(user.id);
  created.workspaceIds.push(workspace.id);
  return { email, userId: user.id };
}

afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: created.workspaceIds } } });
  await prisma.user.deleteMany({ where: { id: { in: created.userIds } } });
});

describe("changePassword", () => {
  it("replaces the password and signs out every earlier session", async () => {
    const { email, userId } = await createAccount();
    await expect(changePassword({ userId, currentPassword: oldPassword, newPassword }, from())).resolves.toEqual({
      email,
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion).toBe(1);
    await expect(authorizeCredentials({ email, password: oldPassword }, from())).rejects.toThrow(
      INVALID_CREDENTIALS_MESSAGE,
    );
    await expect(authorizeCredentials({ email, password: newPassword }, from())).resolves.toMatchObject({
      id: userId,
      sessionVersion: 1,
    });
  });

  it("refuses a wrong current password, naming the field and changing nothing", async () => {
    const { email, userId } = await createAccount();
    const error = await changePassword({ userId, currentPassword: "not it", newPassword }, from()).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ message: WRONG_CURRENT_PASSWORD_MESSAGE, field: "currentPassword" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion).toBe(0);
    await expect(authorizeCredentials({ email, password: oldPassword }, from())).resolves.toMatchObject({ id: userId });
  });

  it("counts wrong current passwords as failed sign-ins", async () => {
    const { userId } = await createAccount();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_EMAIL; attempt++) {
      await changePassword({ userId, currentPassword: `guess ${attempt}`, newPassword }, from()).catch(() => undefined);
    }
    await expect(changePassword({ userId, currentPassword: oldPassword, newPassword }, from())).rejects.toBeInstanceOf(
      RateLimitedError,
    );
  });
});
