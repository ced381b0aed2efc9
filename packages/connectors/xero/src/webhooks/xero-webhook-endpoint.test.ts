import { describe, expect, it } from "vitest";
import { xeroWebhookEndpoint } from "./xero-webhook-endpoint";

describe("xeroWebhookEndpoint", () => {
  it("says where the key came from, never what it is", () => {
    const key = "a-webhook-key-from-xero";
    const fromOperator = xeroWebhookEndpoint({ XERO_WEBHOOK_KEY: key });
    expect(fromOperator).toEqual({ path: "/api/xero/webhooks", keySource: "environment" });
    expect(JSON.stringify(fromOperator)).not.toContain(key);
    expect(xeroWebhookEndpoint({ XERO_WEBHOOK_KEY: key, XERO_WEBHOOK_KEY_SOURCE: "generated" }).keySource).toBe(
      "generated",
    );
  });

  it("has no key source without a key, whatever the source variable says", () => {
    expect(xeroWebhookEndpoint({}).keySource).toBeNull();
    expect(xeroWebhookEndpoint({ XERO_WEBHOOK_KEY: "", XERO_WEBHOOK_KEY_SOURCE: "generated" }).keySource).toBeNull();
  });

  it("gives the configured path and refuses an unknown key source by name", () => {
    expect(xeroWebhookEndpoint({ XERO_WEBHOOK_PATH: "/hooks/xero" }).path).toBe("/hooks/xero");
    expect(() => xeroWebhookEndpoint({ XERO_WEBHOOK_KEY_SOURCE: "vault" })).toThrowError(/XERO_WEBHOOK_KEY_SOURCE/);
  });
});
