import { createHmac } from "node:crypto";
import type { SignatureScheme } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "./verify-webhook-signature";

// Each sender's format as its own documentation describes it, computed here with node's crypto
// (not with our signing code), so a wrong format in ours fails these.

const secret = "whsec_test_secret";
const body = Buffer.from('{"id":"evt_1","amount":42}');
const now = 1_764_000_000;
const hex = (key: string, data: string | Buffer) => createHmac("sha256", key).update(data).digest("hex");
const check = (scheme: SignatureScheme, headers: Record<string, string>, at = now, raw = body) =>
  verifyWebhookSignature(scheme, secret, raw, new Map(Object.entries(headers)), at);

describe("verifyWebhookSignature", () => {
  it("GitHub: X-Hub-Signature-256 with GitHub's own documented example", () => {
    // docs.github.com, "Validating webhook deliveries": this secret and payload give this signature.
    const github = verifyWebhookSignature(
      { scheme: "github" },
      "It's a Secret to Everybody",
      Buffer.from("Hello, World!"),
      new Map([["x-hub-signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"]]),
      now,
    );
    expect(github).toEqual({ ok: true });
    expect(check({ scheme: "github" }, { "x-hub-signature-256": `sha256=${hex("other", body)}` })).toEqual({
      ok: false,
      message: "The X-Hub-Signature-256 header is missing or does not match the body.",
    });
  });

  it("Shopify: base64 HMAC-SHA256 of the raw body in X-Shopify-Hmac-Sha256", () => {
    const signature = createHmac("sha256", secret).update(body).digest("base64");
    expect(check({ scheme: "shopify" }, { "x-shopify-hmac-sha256": signature })).toEqual({ ok: true });
    // The hex digest is not Shopify's format.
    expect(check({ scheme: "shopify" }, { "x-shopify-hmac-sha256": hex(secret, body) }).ok).toBe(false);
    expect(check({ scheme: "shopify" }, {})).toEqual({
      ok: false,
      message: "The X-Shopify-Hmac-Sha256 header is missing or does not match the body.",
    });
  });

  it("Stripe: t=…,v1=… over `t.body`, any of several v1, within 5 minutes", () => {
    const v1 = hex(secret, `${now}.${body}`);
    const header = (t: number, ...signatures: string[]) =>
      [`t=${t}`, ...signatures.map((signature) => `v1=${signature}`), "v0=ignored"].join(",");
    expect(check({ scheme: "stripe" }, { "stripe-signature": header(now, v1) })).toEqual({ ok: true });
    // During a secret roll Stripe sends one v1 per secret.
    expect(check({ scheme: "stripe" }, { "stripe-signature": header(now, hex("old", "x"), v1) })).toEqual({
      ok: true,
    });
    // A captured request replayed later: the signature is right, the timestamp too old.
    const replayed = check({ scheme: "stripe" }, { "stripe-signature": header(now, v1) }, now + 301);
    expect(replayed).toMatchObject({ ok: false, message: expect.stringMatching(/^The Stripe-Signature timestamp/) });
    expect(check({ scheme: "stripe" }, { "stripe-signature": header(now, v1) }, now + 299)).toEqual({ ok: true });
    // The timestamp is signed: moving it breaks the signature.
    expect(check({ scheme: "stripe" }, { "stripe-signature": header(now + 10, v1) }, now + 10).ok).toBe(false);
    expect(check({ scheme: "stripe" }, { "stripe-signature": `v1=${v1}` })).toMatchObject({
      ok: false,
      message: expect.stringContaining("t=<unix seconds>,v1="),
    });
  });

  it("Ledgerflow: the timestamped form with a tolerance, and the plain sha256= form", () => {
    const timestamped = `t=${now},v1=${hex(secret, `${now}.${body}`)}`;
    expect(check({ scheme: "ledgerflow" }, { "x-ledgerflow-signature": timestamped })).toEqual({ ok: true });
    expect(check({ scheme: "ledgerflow" }, { "x-ledgerflow-signature": timestamped }, now - 600).ok).toBe(false);
    expect(check({ scheme: "ledgerflow" }, { "x-ledgerflow-signature": `sha256=${hex(secret, body)}` })).toEqual({
      ok: true,
    });
    expect(check({ scheme: "ledgerflow" }, { "x-ledgerflow-signature": `sha256=${hex(secret, "{}")}` })).toEqual({
      ok: false,
      message: "The X-Ledgerflow-Signature header is missing or does not match the body.",
    });
  });

  it("generic: the configured header, algorithm, encoding and prefix", () => {
    const scheme: SignatureScheme = {
      scheme: "generic",
      header: "x-signature",
      algorithm: "sha512",
      encoding: "base64",
      prefix: "v1=",
    };
    const signature = createHmac("sha512", secret).update(body).digest("base64");
    expect(check(scheme, { "x-signature": `v1=${signature}` })).toEqual({ ok: true });
    expect(check(scheme, { "x-signature": signature }).ok).toBe(false);
    expect(check({ ...scheme, algorithm: "sha256" }, { "x-signature": `v1=${signature}` }).ok).toBe(false);
    const hexScheme: SignatureScheme = { ...scheme, algorithm: "sha1", encoding: "hex", prefix: "" };
    const sha1 = createHmac("sha1", secret).update(body).digest("hex").toUpperCase();
    expect(check(hexScheme, { "x-signature": sha1 })).toEqual({ ok: true });
    expect(check(hexScheme, {})).toEqual({
      ok: false,
      message: "The x-signature header is missing or does not match the body.",
    });
  });
});
