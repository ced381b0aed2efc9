import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createWebServer, type WebServerOptions } from "./create-web-server";
import { compileTrustProxy } from "./trust-forwarded-headers";

// The server over real sockets, in front of a handler that answers with the request headers it was
// given (and its URL, in x-seen-url): what Next.js would see. Slow clients are tested against the built app through env
// (apps/worker/src/web-server.test.ts).

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function start(options: Partial<WebServerOptions> = {}): Promise<string> {
  const server = createWebServer(
    async (request, response) => {
      // Read the whole body, as a route handler does; a client cut off mid-body gets no answer.
      const complete = await request.toArray().then(
        () => true,
        () => false,
      );
      if (!complete) return;
      response.setHeader("content-type", "application/json");
      response.setHeader("x-seen-url", request.url ?? "");
      response.end(JSON.stringify(request.headers));
    },
    {
      trust: compileTrustProxy([]),
      https: false,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      ...options,
    },
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function seenHeaders(url: string, headers: Record<string, string>): Promise<Record<string, string>> {
  const response = await fetch(url, { headers });
  return (await response.json()) as Record<string, string>;
}

const spoofing = {
  "x-forwarded-for": "198.51.100.7",
  "x-real-ip": "198.51.100.8",
  "x-forwarded-proto": "https",
  "x-forwarded-host": "evil.example",
  forwarded: "for=198.51.100.9",
};

describe("the client address Next.js sees", () => {
  it("is the socket's address when no proxy is trusted, whatever the client claims", async () => {
    const seen = await seenHeaders(await start(), spoofing);
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
    for (const name of ["x-real-ip", "x-forwarded-proto", "x-forwarded-host", "forwarded"]) {
      expect(seen[name]).toBeUndefined();
    }
  });

  it("is the nearest untrusted address in X-Forwarded-For behind trusted proxies", async () => {
    const url = await start({ trust: compileTrustProxy(["127.0.0.1", "10.0.0.0/8"]) });
    const seen = await seenHeaders(url, { ...spoofing, "x-forwarded-for": "198.51.100.7, 203.0.113.5, 10.1.2.3" });
    // 10.1.2.3 is a trusted proxy; 203.0.113.5 is the client it saw; the rest is the client's claim.
    expect(seen["x-forwarded-for"]).toBe("203.0.113.5");
    expect(seen["x-forwarded-proto"]).toBe("https");
    expect(seen["x-real-ip"]).toBeUndefined();
  });

  it("counts hops when TRUSTED_PROXIES is a number", async () => {
    const url = await start({ trust: compileTrustProxy(2) });
    const seen = await seenHeaders(url, { "x-forwarded-for": "198.51.100.7, 203.0.113.5, 10.1.2.3" });
    expect(seen["x-forwarded-for"]).toBe("203.0.113.5");
  });

  it("is the socket's address when a request without X-Forwarded-For comes from a trusted proxy", async () => {
    const seen = await seenHeaders(await start({ trust: compileTrustProxy(["loopback"]) }), {});
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
  });
});

describe("security headers", () => {
  it("are on every response; HSTS only when the public URL is https", async () => {
    const plain = await fetch(await start());
    expect(Object.fromEntries(plain.headers)).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "x-frame-options": "DENY",
      "content-security-policy": "frame-ancestors 'none'",
    });
    expect(plain.headers.get("strict-transport-security")).toBeNull();

    const https = await fetch(await start({ https: true }));
    expect(https.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("path aliases", () => {
  it("hand the route a request to its alias, query kept; any other path goes through as it came", async () => {
    const url = await start({ pathAliases: new Map([["/hooks/xero", "/api/xero/webhooks"]]) });
    const seenUrl = async (path: string) =>
      (await fetch(`${url}${path}`, { method: "POST" })).headers.get("x-seen-url");
    expect(await seenUrl("/hooks/xero")).toBe("/api/xero/webhooks");
    expect(await seenUrl("/hooks/xero?probe=1")).toBe("/api/xero/webhooks?probe=1");
    for (const path of ["/api/xero/webhooks", "/hooks/xero/", "/hooks/xero2", "/hooks", "/other?q=/hooks/xero"]) {
      expect(await seenUrl(path), path).toBe(path);
    }
  });
});
