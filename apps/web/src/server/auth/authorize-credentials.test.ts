import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { createUserWithWorkspace } from "@ledgerflow/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials, clientIpFrom, INVALID_CREDENTIALS_MESSAGE } from "./authorize-credentials";
import { issueDeviceToken } from "./device-cookie";
import { hashPassword } from "./password";
import { MAX_FAILURES_PER_DEVICE, MAX_FAILURES_PER_EMAIL } from "./sign-in-rate-limit";

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
/** An attempt from a browser without a device cookie, at a fresh address unless one is given. */
const unknownBrowser = (clientIp = ip()) => ({ clientIp, deviceToken: undefined });
/** An attempt from a browser that signed in to the account before (it holds a device cookie). */
const knownBrowser = (userId: string) => ({ clientIp: ip(), deviceToken: issueDeviceToken(userId) ?? undefined });

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
    const user = await authorizeCredentials({ email: account.email.toUpperCase(), password }, unknownBrowser());
    expect(user).toEqual({ id: account.userId, email: account.email, name: "Robin", sessionVersion: 0 });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    await expect(authorizeCredentials({ email: account.email, password: "nope" }, unknownBrowser())).rejects.toThrow(
      INVALID_CREDENTIALS_MESSAGE,
    );
    await expect(
      authorizeCredentials({ email: `nobody-${randomUUID()}@example.test`, password }, unknownBrowser()),
    ).rejects.toThrow(INVALID_CREDENTIALS_MESSAGE);
  });

  it("stops an email after five failures from unknown browsers, even with the right password, from any address", async () => {
    const { email } = await createAccount();
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(authorizeCredentials({ email, password: `wrong-${attempt}` }, unknownBrowser())).rejects.toThrow(
        INVALID_CREDENTIALS_MESSAGE,
      );
    }
    await expect(authorizeCredentials({ email, password }, unknownBrowser())).rejects.toThrow(
      /Too many failed sign-in attempts\. Try again in \d+ minutes?, /,
    );
  });

  it("lets the right password through from a browser that signed in before, while the email is locked", async () => {
    const { email, userId } = await createAccount();
    const ownBrowser = knownBrowser(userId);
    for (let attempt = 0; attempt < MAX_FAILURES_PER_EMAIL; attempt++) {
      await authorizeCredentials({ email, password: `attacker-${attempt}` }, unknownBrowser()).catch(() => undefined);
    }
    await expect(authorizeCredentials({ email, password }, unknownBrowser())).rejects.toThrow(
      /Too many failed sign-in attempts\. Try again in \d+ minutes?, or sign in from a browser you have signed in with before\./,
    );

    await expect(authorizeCredentials({ email, password }, ownBrowser)).resolves.toMatchObject({ id: userId });
    // A typo on the known browser is still only a wrong password, not a lockout.
    await expect(authorizeCredentials({ email, password: "typo" }, ownBrowser)).rejects.toThrow(
      INVALID_CREDENTIALS_MESSAGE,
    );
  });

  it("gives each known browser its own limit, leaving the account's other browsers alone", async () => {
    const { email, userId } = await createAccount();
    const stolen = knownBrowser(userId);
    for (let attempt = 0; attempt < MAX_FAILURES_PER_DEVICE; attempt++) {
      await expect(authorizeCredentials({ email, password: `guess-${attempt}` }, stolen)).rejects.toThrow(
        INVALID_CREDENTIALS_MESSAGE,
      );
    }
    await expect(authorizeCredentials({ email, password }, stolen)).rejects.toThrow(
      /Too many failed sign-in attempts from this browser\. Try again in \d+ minutes?\./,
    );
    await expect(authorizeCredentials({ email, password }, knownBrowser(userId))).resolves.toMatchObject({
      id: userId,
    });
    // The email's own counter was not touched: an unknown browser signs in too.
    await expect(authorizeCredentials({ email, password }, unknownBrowser())).resolves.toMatchObject({ id: userId });
  });

  it("treats another account's device cookie, or a forged one, as an unknown browser", async () => {
    const { email, userId } = await createAccount();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_EMAIL; attempt++) {
      await authorizeCredentials({ email, password: `attacker-${attempt}` }, unknownBrowser()).catch(() => undefined);
    }
    // A made-up device id with the signature of a real one.
    const signature = (issueDeviceToken(userId) ?? "").split(".")[2];
    const forgedForUser = `${userId}.made-up-device.${signature}`;
    for (const deviceToken of [issueDeviceToken(account.userId) ?? undefined, forgedForUser, "not-a-device-cookie"]) {
      await expect(authorizeCredentials({ email, password }, { clientIp: ip(), deviceToken })).rejects.toThrow(
        /Too many failed sign-in attempts\. Try again in/,
      );
    }
  });

  it("stops an address that fails for many different emails", async () => {
    const address = ip();
    for (let attempt = 0; attempt < 30; attempt++) {
      await expect(
        authorizeCredentials(
          { email: `guess-${attempt}-${randomUUID()}@example.test`, password },
          unknownBrowser(address),
        ),
      ).rejects.toThrow(INVALID_CREDENTIALS_MESSAGE);
    }
    await expect(authorizeCredentials({ email: account.email, password }, unknownBrowser(address))).rejects.toThrow(
      /Too many failed sign-in attempts/,
    );
    // Another address is unaffected.
    await expect(authorizeCredentials({ email: account.email, password }, unknownBrowser())).resolves.toMatchObject({
      id: account.userId,
    });
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const { email } = await createAccount();
    for (let attempt = 0; attempt < 4; attempt++) {
      await authorizeCredentials({ email, password: "wrong" }, unknownBrowser()).catch(() => undefined);
    }
    await authorizeCredentials({ email, password }, unknownBrowser());
    for (let attempt = 0; attempt < 4; attempt++) {
      await authorizeCredentials({ email, password: "wrong" }, unknownBrowser()).catch(() => undefined);
    }
    await expect(authorizeCredentials({ email, password }, unknownBrowser())).resolves.toMatchObject({ email });
  });
});

describe("clientIpFrom", () => {
  it("takes the first X-Forwarded-For hop, then X-Real-IP", () => {
    expect(clientIpFrom({ "x-forwarded-for": "198.51.100.7, 10.0.0.1" })).toBe("198.51.100.7");
    expect(clientIpFrom(new Headers({ "x-real-ip": "198.51.100.8" }))).toBe("198.51.100.8");
    expect(clientIpFrom({})).toBe("unknown");
  });
});
