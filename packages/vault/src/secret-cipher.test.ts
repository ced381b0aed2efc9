import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ciphertextKeyId, decryptSecret, encryptSecret } from "./secret-cipher";
import { VaultError } from "./vault-error";
import { parseVaultKeys } from "./vault-keys";

const key = () => randomBytes(32).toString("base64");
const oldKey = key();
const newKey = key();
const onlyOld = parseVaultKeys(`old:${oldKey}`);
const newThenOld = parseVaultKeys(`new:${newKey},old:${oldKey}`);

/** Flips one bit of the base64url segment at `index` of a v1 ciphertext. */
function flipBit(ciphertext: string, index: number): string {
  const parts = ciphertext.split(".");
  const bytes = Buffer.from(parts[index] as string, "base64url");
  bytes[0] = (bytes[0] as number) ^ 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

describe("secret cipher (AES-256-GCM)", () => {
  it("round-trips a token and never contains the plaintext", () => {
    const token = `eyJ.${randomBytes(40).toString("base64url")}`;
    const ciphertext = encryptSecret(token, onlyOld);
    expect(ciphertext).toMatch(/^v1\.old\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(ciphertext).not.toContain(token);
    expect(decryptSecret(ciphertext, onlyOld)).toBe(token);
  });

  it("uses a fresh IV for every encryption", () => {
    const first = encryptSecret("same token", onlyOld);
    const second = encryptSecret("same token", onlyOld);
    expect(first.split(".")[2]).not.toBe(second.split(".")[2]);
    expect(first).not.toBe(second);
  });

  it.each([
    ["data", 4],
    ["authentication tag", 3],
    ["IV", 2],
  ])("detects a change to the %s", (_part, index) => {
    const tampered = flipBit(encryptSecret("refresh-token-value", onlyOld), index);
    expect(() => decryptSecret(tampered, onlyOld)).toThrowError(VaultError);
    expect(() => decryptSecret(tampered, onlyOld)).toThrowError(/failed authentication/);
  });

  it("names an unknown key id without revealing anything else", () => {
    const ciphertext = encryptSecret("refresh-token-value", newThenOld);
    let caught: unknown;
    try {
      decryptSecret(ciphertext, onlyOld);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(VaultError);
    expect((caught as VaultError).reason).toBe("UNKNOWN_KEY");
    expect((caught as VaultError).message).toContain('"new"');
    expect((caught as VaultError).message).not.toContain("refresh-token-value");
  });

  it("decrypts old ciphertexts after a new key is prepended, and encrypts with the new one", () => {
    const before = encryptSecret("token", onlyOld);
    expect(decryptSecret(before, newThenOld)).toBe("token");
    expect(ciphertextKeyId(encryptSecret("token", newThenOld))).toBe("new");
  });

  it("rejects text that is not a v1 ciphertext", () => {
    expect(() => decryptSecret("plain-token", onlyOld)).toThrowError(/not in the v1 vault format/);
  });
});

describe("parseVaultKeys", () => {
  it("takes the first key as current", () => {
    expect(newThenOld.current.id).toBe("new");
    expect([...newThenOld.byId.keys()]).toEqual(["new", "old"]);
  });

  it.each([
    ["", /not set/],
    ["nokey", /entry 1 needs an id/],
    [`a:${Buffer.alloc(16).toString("base64")}`, /key "a" must be 32 bytes/],
    [`a:${oldKey},a:${newKey}`, /"a" twice/],
  ])("rejects %j", (value, message) => {
    expect(() => parseVaultKeys(value)).toThrowError(message);
  });

  it("never echoes key material in its errors", () => {
    const short = Buffer.from("sixteen-byte-key").toString("base64");
    expect(() => parseVaultKeys(`k:${short}`)).toThrowError(
      expect.objectContaining({ message: expect.not.stringContaining(short) }),
    );
  });
});
