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

  it("answers Xero's webhooks at the route's own path unless XERO_WEBHOOK_PATH names another", () => {
    expect(xeroEnv({}).XERO_WEBHOOK_PATH).toBe("/api/xero/webhooks");
    expect(xeroEnv({ XERO_WEBHOOK_PATH: "" }).XERO_WEBHOOK_PATH).toBe("/api/xero/webhooks");
    for (const path of ["/hooks/xero", "/x/%7Eops/", "/in:xero@ledger;v=1"]) {
      expect(xeroEnv({ XERO_WEBHOOK_PATH: path }).XERO_WEBHOOK_PATH).toBe(path);
    }
  });

  it("refuses a XERO_WEBHOOK_PATH Xero could not post to as written, saying why", () => {
    const problem = (path: string) => () => xeroEnv({ XERO_WEBHOOK_PATH: path });
    expect(problem("hooks/xero")).toThrowError("XERO_WEBHOOK_PATH: must start with /");
    for (const path of ["/", "//hooks", "/hooks xero", "/hooks?key=1", "/hooks#x", "/%zz", "/é"]) {
      expect(problem(path), path).toThrowError("XERO_WEBHOOK_PATH: may contain only URL path characters");
    }
    for (const path of ["/hooks/../admin", "/hooks/.", "/./hooks"]) {
      expect(problem(path), path).toThrowError('XERO_WEBHOOK_PATH: must not contain a "." or ".." segment');
    }
  });

  it("says which variables an unregistered app lacks", () => {
    expect(() => xeroAppSettings(xeroEnv({ XERO_CLIENT_ID: "id" }))).toThrowError(
      "Xero is not configured: set XERO_CLIENT_SECRET, XERO_REDIRECT_URI",
    );
  });
});
