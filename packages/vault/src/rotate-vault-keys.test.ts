import { randomBytes, randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptConnectionTokens, encryptTokenPair } from "./connection-tokens";
import { rotateVaultKeys } from "./rotate-vault-keys";
import { ciphertextKeyId } from "./secret-cipher";
import { VaultError } from "./vault-error";
import { parseVaultKeys } from "./vault-keys";

const oldKey = `old:${randomBytes(32).toString("base64")}`;
const newKey = `new:${randomBytes(32).toString("base64")}`;
const before = parseVaultKeys(oldKey);
const after = parseVaultKeys(`${newKey},${oldKey}`);

// Rows of our own (the test database is shared by every suite of the run).
const suffix = randomUUID().slice(0, 8);
let owner: { userId: string; workspaceId: string };

beforeAll(async () => {
  const user = await prisma.user.create({ data: { email: `rotate-${suffix}@example.test`, name: "Rotator" } });
  const workspace = await prisma.workspace.create({
    data: { name: `rotate ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
  });
  owner = { userId: user.id, workspaceId: workspace.id };
});

afterAll(async () => {
  await prisma.workspace.delete({ where: { id: owner.workspaceId } });
  await prisma.user.delete({ where: { id: owner.userId } });
});

function createConnection(tenant: string, tokens: { accessToken: string; refreshToken: string }) {
  return prisma.connection.create({
    data: {
      workspaceId: owner.workspaceId,
      provider: "xero",
      externalId: `${tenant}-${suffix}`,
      name: tenant,
      scopes: [],
      createdById: owner.userId,
      ...encryptTokenPair(tokens, before),
    },
  });
}

describe("rotateVaultKeys", () => {
  it("re-encrypts every token with the new key, keeps them readable, and is idempotent", async () => {
    const tokens = { accessToken: `access-${suffix}`, refreshToken: `refresh-${suffix}` };
    const connection = await createConnection("Rotation Ltd", tokens);

    const report = await rotateVaultKeys(after);
    // Other suites' connections (under keys this test's keyring does not hold) share the database:
    // they are reported and left alone; this connection must not be among them.
    expect(report.failures.filter((failure) => failure.includes(connection.id))).toEqual([]);
    expect(report.reencrypted).toBeGreaterThanOrEqual(1);

    const row = await prisma.connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(ciphertextKeyId(row.accessTokenEnc as string)).toBe("new");
    expect(ciphertextKeyId(row.refreshTokenEnc as string)).toBe("new");
    // Readable with only the new key: the old one can now be dropped.
    expect(decryptConnectionTokens(row, parseVaultKeys(newKey))).toEqual(tokens);
    expect(() => decryptConnectionTokens(row, before)).toThrowError(VaultError);

    const again = await rotateVaultKeys(after);
    const rowAgain = await prisma.connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(rowAgain.accessTokenEnc).toBe(row.accessTokenEnc);
    expect(again.alreadyCurrent).toBeGreaterThanOrEqual(1);
  });

  it("reports a connection it cannot decrypt by name, and leaves it untouched", async () => {
    const connection = await createConnection("Broken Books", { accessToken: "a", refreshToken: "r" });
    const stranger = parseVaultKeys(`stranger:${randomBytes(32).toString("base64")}`);

    const report = await rotateVaultKeys(stranger);

    const failure = report.failures.find((message) => message.includes(connection.id));
    expect(failure).toContain('"Broken Books"');
    expect(failure).toContain('key "old"');
    const row = await prisma.connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.accessTokenEnc).toBe(connection.accessTokenEnc);
  });
});

describe("decryptConnectionTokens", () => {
  it("names the connection, not the token, when a ciphertext was tampered with", () => {
    const encrypted = encryptTokenPair({ accessToken: "secret-access", refreshToken: "secret-refresh" }, before);
    const parts = encrypted.refreshTokenEnc.split(".");
    const data = Buffer.from(parts[4] as string, "base64url");
    data[0] = (data[0] as number) ^ 0x01;
    const tampered = [...parts.slice(0, 4), data.toString("base64url")].join(".");
    const connection = {
      id: "conn_1",
      name: "Demo Co",
      accessTokenEnc: encrypted.accessTokenEnc,
      refreshTokenEnc: tampered,
    };
    expect(() => decryptConnectionTokens(connection, before)).toThrowError(
      /stored tokens of Xero connection "Demo Co" \(conn_1\) cannot be decrypted: .*failed authentication/,
    );
    try {
      decryptConnectionTokens(connection, before);
    } catch (error) {
      expect(String(error)).not.toContain("secret-");
    }
  });
});
