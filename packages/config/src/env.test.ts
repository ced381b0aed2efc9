import { afterEach, describe, expect, it } from "vitest";
import { resetServerEnvCache, serverEnv } from "./env";

describe("serverEnv", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetServerEnvCache();
  });

  it("applies defaults that point at real Xero", () => {
    process.env = { DATABASE_URL: "postgresql://u@localhost/db" };
    resetServerEnvCache();
    const env = serverEnv();
    expect(env.XERO_API_URL).toBe("https://api.xero.com");
    expect(env.XERO_IDENTITY_URL).toBe("https://identity.xero.com");
    expect(env.XERO_SCOPES.split(" ")).toContain("accounting.invoices");
  });

  it("names every invalid variable in one error", () => {
    process.env = { DATABASE_URL: "not a url", WORKER_CONCURRENCY: "-3" };
    resetServerEnvCache();
    expect(() => serverEnv()).toThrowError(/DATABASE_URL[\s\S]*WORKER_CONCURRENCY/);
  });
});
