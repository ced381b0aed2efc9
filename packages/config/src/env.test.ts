import { afterEach, describe, expect, it } from "vitest";
import { resetServerEnvCache, serverEnv } from "./env";

describe("serverEnv", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetServerEnvCache();
  });

  it("names every invalid variable in one error", () => {
    process.env = { DATABASE_URL: "not a url", WORKER_CONCURRENCY: "-3" };
    resetServerEnvCache();
    expect(() => serverEnv()).toThrowError(/DATABASE_URL[\s\S]*WORKER_CONCURRENCY/);
  });

  it("trusts no proxy unless told: the socket's address is the client", () => {
    process.env = { DATABASE_URL: "postgresql://u@localhost/db" };
    resetServerEnvCache();
    expect(serverEnv().TRUSTED_PROXIES).toEqual([]);
  });

  it("reads TRUSTED_PROXIES as Express's trust proxy does: a hop count, or addresses, ranges and range names", () => {
    const parse = (value: string) => {
      process.env = { DATABASE_URL: "postgresql://u@localhost/db", TRUSTED_PROXIES: value };
      resetServerEnvCache();
      return serverEnv().TRUSTED_PROXIES;
    };
    expect(parse("2")).toBe(2);
    expect(parse(" 127.0.0.1, 10.0.0.0/8 ,loopback,::1,fd00::/8")).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "loopback",
      "::1",
      "fd00::/8",
    ]);
    expect(() => parse("127.0.0.1,proxy.internal")).toThrowError(
      /TRUSTED_PROXIES: "proxy\.internal" is not an IP address, a CIDR range/,
    );
  });

  it("refuses a header bound longer than the whole request's, naming the variable", () => {
    process.env = {
      DATABASE_URL: "postgresql://u@localhost/db",
      WEB_HEADERS_TIMEOUT_MS: "40000",
      WEB_REQUEST_TIMEOUT_MS: "30000",
    };
    resetServerEnvCache();
    expect(() => serverEnv()).toThrowError(/WEB_HEADERS_TIMEOUT_MS: must not be longer than WEB_REQUEST_TIMEOUT_MS/);
  });
});
