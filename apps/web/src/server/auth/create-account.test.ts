import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { redisKey, sharedRedis } from "@ledgerflow/queue";
import { afterAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "./authorize-credentials";
import { createAccount, SIGN_UP_REFUSED_MESSAGE } from "./create-account";
import { MAX_FAILURES_PER_EMAIL } from "./sign-in-rate-limit";
import { MAX_SIGN_UPS, MAX_SIGN_UPS_PER_IP } from "./sign-up-rate-limit";

// Real Postgres and Redis (this run's REDIS_PREFIX), through the function the sign-up action calls.

const password = "correct horse battery staple";
const newEmail = () => `signup-${randomUUID()}@example.test`;
const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
const from = (clientIp = ip()) => ({ clientIp, deviceToken: undefined });
const emails: string[] = [];

async function signUp(email: string, withPassword = password, clientIp = ip(), name = "Robin") {
  emails.push(email.toLowerCase());
  return createAccount({ name, email, password: withPassword }, from(clientIp));
}

afterAll(async () => {
  const users = await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
  const userIds = users.map((user) => user.id);
  await prisma.workspace.deleteMany({ where: { memberships: { some: { userId: { in: userIds } } } } });
  await prisma.user.deleteMany({ where: { id: { in: userIds } } });
});

describe("createAccount", () => {
  it("creates the account and its personal workspace for a new email", async () => {
    const email = newEmail();
    await expect(signUp(email)).resolves.toEqual({ ok: true, data: { email } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.memberships).toEqual([expect.objectContaining({ role: "OWNER" })]);
  });

  it("accepts an existing email with its own password, creating nothing (the form then signs in)", async () => {
    const email = newEmail();
    await signUp(email, password, ip(), "Robin");
    const again = await signUp(email.toUpperCase(), password, ip(), "Someone Else");
    expect(again).toEqual({ ok: true, data: { email } });
    const users = await prisma.user.findMany({ where: { email }, include: { memberships: true } });
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ name: "Robin" });
    expect(users[0]?.memberships).toHaveLength(1);
  });

  it("answers an existing email with another password without saying that it exists", async () => {
    const email = newEmail();
    await signUp(email);
    const refused = await signUp(email, "a different password");
    expect(refused).toEqual({ ok: false, error: SIGN_UP_REFUSED_MESSAGE, fieldErrors: {} });
    expect(JSON.stringify(refused)).not.toMatch(/exists|taken|in use|registered/i);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("counts wrong passwords as failed sign-ins, so the form is no way around the sign-in limit", async () => {
    const email = newEmail();
    await signUp(email);
    for (let attempt = 0; attempt < MAX_FAILURES_PER_EMAIL; attempt++) {
      await signUp(email, `guess number ${attempt}`);
    }
    await expect(authorizeCredentials({ email, password }, from())).rejects.toThrow(/Too many failed sign-in attempts/);
  });

  it("names the field for bad input", async () => {
    const result = await createAccount({ name: "Robin", email: "not-an-email", password: "short" }, from());
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.any(String)], password: [expect.any(String)] },
    });
  });

  it("limits sign-ups from one address, and not from another", async () => {
    const address = ip();
    // Wrong passwords for one existing account: cheap attempts (the sign-in limit soon stops the
    // password checks), each still a sign-up attempt.
    const email = newEmail();
    await signUp(email, password, address);
    for (let attempt = 1; attempt < MAX_SIGN_UPS_PER_IP; attempt++) {
      const result = await signUp(email, `guess number ${attempt}`, address);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).not.toMatch(/accounts were created/);
    }
    const refused = await signUp(newEmail(), password, address);
    expect(refused).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^Too many accounts were created from your network in the last hour\. Try again in \d+ minutes?\.$/,
      ),
      fieldErrors: {},
    });
    await expect(signUp(newEmail(), password, ip())).resolves.toMatchObject({ ok: true });
  });

  // Last: it spends the whole install's allowance, which afterAll gives back for later suites.
  it("limits sign-ups across all addresses", async () => {
    const email = newEmail();
    await signUp(email);
    let refusal: string | undefined;
    for (let attempt = 0; attempt < MAX_SIGN_UPS && !refusal; attempt++) {
      const result = await signUp(email, `guess number ${attempt}`);
      if (!result.ok && /accounts were created/.test(result.error)) refusal = result.error;
    }
    expect(refusal).toMatch(/^Too many accounts were created on this Ledgerflow in the last hour\. Try again in/);
    await expect(signUp(newEmail(), password, ip())).resolves.toMatchObject({ ok: false, error: refusal });
  });
});

afterAll(async () => {
  expect(await sharedRedis().del(`${redisKey("auth", "sign-ups", "all")}:all`)).toBe(1);
});
