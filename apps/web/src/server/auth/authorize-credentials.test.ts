import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { createUserWithWorkspace } from "@ledgerflow/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials, clientIpFrom, INVALID_CREDENTIALS_MESSAGE } from "./authorize-credentials";
import { hashPassword } from "./password";

// Real Postgres and Redis: the rate limiter's counters live under this run's REDIS_PREFIX.

const password = "correct horse battery staple";
const userIds: string[] = [];
const workspaceIds: string[] = [];

async function createAccount() {
  const email = `signin-${randomUUID()}@example.test`;
  const { user, workspace } = await createUserWithWorkspace({
    email,
    name: "Robin",
    passwordHash: await hashPassword(password),
  });
  userIds.push(user.id);
  workspaceIds.push(workspace.id);
  return { email, userId: user.id };
}

const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

let account: { email: string; userId: string };
beforeAll(async () => {
  account = await createAccount();
});

afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: workspaceIds } } });
  await prisma.user.deleteMany({ where: { id: { in: userIds } } });
});

describe("authorizeCredentials", () => {
  it("returns the user for the right password, whatever the email's case", async () => {
    const user = await authorizeCredentials({ email: account.email.toUpperCase(), password }, ip());
    expect(user).toEqual({ id: account.userId, email: account.email, name: "Robin" });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    await expect(authorizeCredentials({ email: account.email, password: "nope" }, ip())).rejects.toThrow(
      INVALID_CREDENTIALS_MESSAGE,
    );
    await expect(
      authorizeCredentials({ email: `nobody-${randomUUID()}@example.test`, password }, ip()),
    ).rejects.toThrow(INVALID_CREDENTIALS_MESSAGE);
  });

  it("stops an email after five failures, even with the right password, from any address", async () => {
    const { email } = await createAccount();
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(authorizeCredentials({ email, password: `wrong-${attempt}` }, ip())).rejects.toThrow(
        INVALID_CREDENTIALS_MESSAGE,
      );
    }
    await expect(authorizeCredentials({ email, password }, ip())).rejects.toThrow(
      /Too many failed sign-in attempts\. Try again in \d+ minutes?\./,
    );
  });

  it("stops an address that fails for many different emails", async () => {
    const address = ip();
    for (let attempt = 0; attempt < 30; attempt++) {
      await expect(
        authorizeCredentials({ email: `guess-${attempt}-${randomUUID()}@example.test`, password }, address),
      ).rejects.toThrow(INVALID_CREDENTIALS_MESSAGE);
    }
    await expect(authorizeCredentials({ email: account.email, password }, address)).rejects.toThrow(
      /Too many failed sign-in attempts/,
    );
    // Another address is unaffected.
    await expect(authorizeCredentials({ email: account.email, password }, ip())).resolves.toMatchObject({
      id: account.userId,
    });
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const { email } = await createAccount();
    for (let attempt = 0; attempt < 4; attempt++) {
      await authorizeCredentials({ email, password: "wrong" }, ip()).catch(() => undefined);
    }
    await authorizeCredentials({ email, password }, ip());
    for (let attempt = 0; attempt < 4; attempt++) {
      await authorizeCredentials({ email, password: "wrong" }, ip()).catch(() => undefined);
    }
    await expect(authorizeCredentials({ email, password }, ip())).resolves.toMatchObject({ email });
  });
});

describe("clientIpFrom", () => {
  it("takes the first X-Forwarded-For hop, then X-Real-IP", () => {
    expect(clientIpFrom({ "x-forwarded-for": "198.51.100.7, 10.0.0.1" })).toBe("198.51.100.7");
    expect(clientIpFrom(new Headers({ "x-real-ip": "198.51.100.8" }))).toBe("198.51.100.8");
    expect(clientIpFrom({})).toBe("unknown");
  });
});
