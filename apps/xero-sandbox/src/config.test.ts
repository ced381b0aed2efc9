import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { loadSandboxConfig, requireAdmin } from "./config";

describe("loadSandboxConfig", () => {
  it("defaults to Xero's own lifetimes and limits, one local client and a generated admin secret", () => {
    const config = loadSandboxConfig({});
    expect(config.baseUrl).toBe("http://127.0.0.1:4010");
    expect(config.tokens).toEqual({
      accessTokenTtlSeconds: 1800,
      refreshTokenTtlSeconds: 60 * 24 * 3600,
      refreshGraceSeconds: 1800,
      authorizationCodeTtlSeconds: 300,
    });
    expect(config.rateLimits).toEqual({
      concurrentPerTenant: 5,
      perMinutePerTenant: 60,
      perDayPerTenant: 5000,
      appPerMinute: 10_000,
      minuteWindowMs: 60_000,
    });
    expect(config.webhook).toEqual({
      url: null,
      key: null,
      batchDelayMs: 1000,
      retries: 5,
      retryDelayMs: 1000,
      timeoutMs: 5000,
    });
    expect(config.clients.map((client) => client.clientId)).toEqual(["ledgerflow-local"]);
    expect(config.adminSecretGenerated).toBe(true);
    expect(config.adminSecret.length).toBeGreaterThanOrEqual(16);
  });

  it("reads clients, lifetimes and limits from XERO_SANDBOX_* variables; 0 or 'off' switches a limit off", () => {
    const config = loadSandboxConfig({
      XERO_SANDBOX_PORT: "4999",
      XERO_SANDBOX_CLIENTS: JSON.stringify([{ clientId: "a", clientSecret: "b", redirectUris: ["http://x.test/cb"] }]),
      XERO_SANDBOX_ACCESS_TOKEN_TTL_SECONDS: "5",
      XERO_SANDBOX_REFRESH_GRACE_SECONDS: "0",
      XERO_SANDBOX_LIMIT_PER_MINUTE: "off",
      XERO_SANDBOX_LIMIT_CONCURRENT: "2",
      XERO_SANDBOX_LIMIT_PER_DAY: "0",
      XERO_SANDBOX_LIMIT_MINUTE_WINDOW_MS: "1000",
      XERO_SANDBOX_ADMIN_SECRET: "admin-secret-123",
      XERO_SANDBOX_WEBHOOK_RETRIES: "0",
      XERO_SANDBOX_WEBHOOK_RETRY_DELAY_MS: "25",
      XERO_SANDBOX_WEBHOOK_TIMEOUT_MS: "300",
    });
    expect(config.webhook).toMatchObject({ retries: 0, retryDelayMs: 25, timeoutMs: 300 });
    expect(config.baseUrl).toBe("http://127.0.0.1:4999");
    expect(config.clients).toEqual([{ clientId: "a", clientSecret: "b", redirectUris: ["http://x.test/cb"] }]);
    expect(config.tokens.accessTokenTtlSeconds).toBe(5);
    expect(config.tokens.refreshGraceSeconds).toBe(0);
    expect(config.rateLimits).toMatchObject({
      perMinutePerTenant: null,
      perDayPerTenant: null,
      concurrentPerTenant: 2,
      minuteWindowMs: 1000,
    });
    expect(config.adminSecretGenerated).toBe(false);
  });

  it("treats empty variables as unset", () => {
    const config = loadSandboxConfig({ XERO_SANDBOX_CLIENTS: "", XERO_SANDBOX_WEBHOOK_URL: "", XERO_SANDBOX_PORT: "" });
    expect(config.webhook.url).toBeNull();
    expect(config.port).toBe(4010);
  });

  it("names every bad variable in one error", () => {
    expect(() =>
      loadSandboxConfig({ XERO_SANDBOX_CLIENTS: "not json", XERO_SANDBOX_LIMIT_PER_DAY: "-3" }),
    ).toThrowError(
      /XERO_SANDBOX_CLIENTS[\s\S]*XERO_SANDBOX_LIMIT_PER_DAY|XERO_SANDBOX_LIMIT_PER_DAY[\s\S]*XERO_SANDBOX_CLIENTS/,
    );
    expect(() =>
      loadSandboxConfig({ XERO_SANDBOX_WEBHOOK_TIMEOUT_MS: "0", XERO_SANDBOX_WEBHOOK_RETRIES: "x" }),
    ).toThrowError(/XERO_SANDBOX_WEBHOOK_RETRIES[\s\S]*XERO_SANDBOX_WEBHOOK_TIMEOUT_MS/);
  });
});

describe("requireAdmin", () => {
  it("lets through only requests carrying the admin secret", async () => {
    const app = Fastify();
    app.get("/sandbox/admin/ping", { preHandler: requireAdmin({ adminSecret: "right-secret" }) }, async () => "pong");
    const call = (secret?: string) =>
      app.inject({ url: "/sandbox/admin/ping", headers: secret ? { "x-sandbox-admin-secret": secret } : {} });
    expect((await call("right-secret")).statusCode).toBe(200);
    expect((await call("wrong-secret")).statusCode).toBe(401);
    expect((await call()).statusCode).toBe(401);
  });
});
