import { describe, expect, it } from "vitest";
import { xeroAppSettings } from "./xero-app-settings";
import { xeroEnv } from "./xero-env";

describe("xeroEnv", () => {
  it("points at real Xero unless told otherwise", () => {
    const env = xeroEnv({});
    expect(env.XERO_API_URL).toBe("https://api.xero.com");
    expect(env.XERO_IDENTITY_URL).toBe("https://identity.xero.com");
    expect(env.XERO_SCOPES.split(" ")).toContain("accounting.invoices");
    expect(env.XERO_TIMEOUT_MS).toBe(30_000);
  });

  it("names every invalid variable in one error", () => {
    expect(() => xeroEnv({ XERO_API_URL: "not a url", XERO_TIMEOUT_MS: "-1" })).toThrowError(
      /XERO_API_URL[\s\S]*XERO_TIMEOUT_MS/,
    );
  });

  it("says which variables an unregistered app lacks", () => {
    expect(() => xeroAppSettings(xeroEnv({ XERO_CLIENT_ID: "id" }))).toThrowError(
      "Xero is not configured: set XERO_CLIENT_SECRET, XERO_REDIRECT_URI",
    );
  });
});
