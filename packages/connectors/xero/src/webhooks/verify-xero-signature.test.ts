import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { xeroEnv } from "../client/xero-env";
import { verifyXeroSignature } from "./verify-xero-signature";
import { xeroEventDedupKey } from "./xero-webhook-body";

const KEY = "unit-test-webhook-key";
const body = Buffer.from('{"events":[],"firstEventSequence":0,"lastEventSequence":0,"entropy":"ABCDEFGHIJKLMNOPQRST"}');
const sign = (bytes: Buffer, key = KEY) => createHmac("sha256", key).update(bytes).digest("base64");

describe("verifyXeroSignature", () => {
  it("accepts the base64 HMAC-SHA256 of the exact body bytes", () => {
    expect(verifyXeroSignature(body, sign(body), KEY)).toBe(true);
  });

  it("refuses a signature made with another key, or of other bytes", () => {
    expect(verifyXeroSignature(body, sign(body, `${KEY}-wrong`), KEY)).toBe(false);
    expect(verifyXeroSignature(Buffer.concat([body, Buffer.from(" ")]), sign(body), KEY)).toBe(false);
  });

  it("refuses a signature of the wrong length without comparing (timingSafeEqual would throw)", () => {
    const good = sign(body);
    expect(verifyXeroSignature(body, good.slice(0, -4), KEY)).toBe(false);
    expect(verifyXeroSignature(body, `${good}AAAA`, KEY)).toBe(false);
    expect(verifyXeroSignature(body, "not base64 at all!", KEY)).toBe(false);
  });

  it("refuses an altered header that decodes to the same bytes (text after the padding, stray characters)", () => {
    const good = sign(body);
    expect(good.endsWith("=")).toBe(true);
    expect(verifyXeroSignature(body, ` ${good}`, KEY)).toBe(false);
    expect(verifyXeroSignature(body, `${good.slice(0, 10)}*${good.slice(10, -1)}`, KEY)).toBe(false);
  });

  it("refuses everything when the header is missing or no key is set", () => {
    expect(verifyXeroSignature(body, null, KEY)).toBe(false);
    expect(verifyXeroSignature(body, "", KEY)).toBe(false);
    expect(verifyXeroSignature(body, sign(body), undefined)).toBe(false);
    expect(verifyXeroSignature(body, sign(body, ""), "")).toBe(false);
  });

  it("reads the key from XERO_WEBHOOK_KEY, an empty one meaning unset", () => {
    expect(xeroEnv({ XERO_WEBHOOK_KEY: KEY }).XERO_WEBHOOK_KEY).toBe(KEY);
    expect(xeroEnv({ XERO_WEBHOOK_KEY: "" }).XERO_WEBHOOK_KEY).toBeUndefined();
    expect(xeroEnv({}).XERO_WEBHOOK_KEY).toBeUndefined();
  });
});

describe("xeroEventDedupKey", () => {
  const event = {
    tenantId: "t",
    eventCategory: "INVOICE",
    resourceId: "r",
    eventType: "UPDATE",
    eventDateUtc: "2026-12-01T09:30:00.000",
  };
  it("is the same for a redelivery and differs when any of the five fields does", () => {
    expect(xeroEventDedupKey({ ...event, resourceUrl: "x" })).toBe(xeroEventDedupKey(event));
    for (const field of Object.keys(event) as (keyof typeof event)[])
      expect(xeroEventDedupKey({ ...event, [field]: `${event[field]}2` })).not.toBe(xeroEventDedupKey(event));
  });
});
