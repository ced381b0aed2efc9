import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, eventually, spawnWeb, stopApp } from "./testing/app-processes";
import { freePort } from "./testing/free-port";

// The built web app through its own server (apps/web/src/web-server), as `npm start` runs it: which
// client address the sign-in limiter sees, the security headers of pages, API routes and webhook
// ingress, and slow clients. One process trusts no proxy (the default), one trusts 127.0.0.1.

interface Web {
  url: string;
  process: AppProcess;
}

async function startWeb(env: Record<string, string>): Promise<Web> {
  const port = await freePort();
  const web = spawnWeb(
    {
      ...process.env,
      // Its own sign-in counters: every attempt here comes from 127.0.0.1.
      REDIS_PREFIX: `lftest_web_${randomUUID().slice(0, 8)}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
      ...env,
    },
    port,
  );
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (web.child.exitCode !== null) throw new Error(`The web app exited:\n${web.output()}`);
      return fetch(`${url}/api/health`).then(
        () => true,
        () => false,
      );
    },
    { timeoutMs: 60_000, what: "the web app to answer" },
  );
  return { url, process: web };
}

let untrusting: Web;
let trusting: Web;
beforeAll(async () => {
  [untrusting, trusting] = await Promise.all([
    startWeb({}),
    startWeb({ TRUSTED_PROXIES: "127.0.0.1", WEB_HEADERS_TIMEOUT_MS: "1000", WEB_REQUEST_TIMEOUT_MS: "2000" }),
  ]);
}, 120_000);
afterAll(() => Promise.all([untrusting, trusting].map((web) => web && stopApp(web.process))));

/** One failed sign-in through next-auth's own endpoints, as the form sends it; returns the error shown. */
async function failedSignIn(web: Web, forwardedFor: string): Promise<string> {
  const csrf = await fetch(`${web.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const response = await fetch(`${web.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
    body: new URLSearchParams({
      csrfToken,
      email: `nobody-${randomUUID()}@example.test`,
      password: "wrong password",
      json: "true",
    }),
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error") ?? `no error in ${url}`;
}

const freshAddress = (i: number) => `198.51.100.${i + 1}`;

describe("the sign-in limit per IP", () => {
  it("counts the socket's address when no proxy is trusted, whatever X-Forwarded-For says", async () => {
    const errors: string[] = [];
    for (let i = 0; i < 40; i++) errors.push(await failedSignIn(untrusting, freshAddress(i)));
    expect(errors.slice(0, 30)).toEqual(Array(30).fill("That email and password don't match an account."));
    for (const error of errors.slice(30)) expect(error).toMatch(/^Too many failed sign-in attempts\. Try again in/);
  }, 120_000);

  it("counts X-Forwarded-For's client when the request comes from a trusted proxy", async () => {
    const errors = new Set<string>();
    for (let i = 0; i < 40; i++) errors.add(await failedSignIn(trusting, freshAddress(i)));
    expect([...errors]).toEqual(["That email and password don't match an account."]);
  }, 120_000);
});

describe("security headers", () => {
  const staticHeaders = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  };

  it("give pages a policy whose nonce is on every script and new on every request", async () => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${untrusting.url}/login`);
      expect(response.status).toBe(200);
      expect(Object.fromEntries(response.headers)).toMatchObject(staticHeaders);
      expect(response.headers.get("strict-transport-security")).toBeNull();
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      const nonce = /script-src 'self' 'nonce-([^']+)' 'strict-dynamic'(;|$)/.exec(policy)?.[1];
      expect(nonce).toBeTruthy();
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(3);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("are on API routes, redirects and webhook ingress", async () => {
    // No worker runs on this Redis prefix: health answers 503 "degraded", which is still an API route.
    const health = await fetch(`${untrusting.url}/api/health`);
    const signedOut = await fetch(`${untrusting.url}/runs`, { redirect: "manual" });
    const hook = await fetch(`${untrusting.url}/api/hooks/not-a-token`, { method: "POST", body: "{}" });
    expect([health.status, signedOut.status, hook.status]).toEqual([503, 307, 404]);
    for (const response of [health, signedOut, hook]) {
      expect(Object.fromEntries(response.headers)).toMatchObject(staticHeaders);
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
  });
});

/** A raw connection that writes `first` (if anything), then a byte every 200 ms until the server closes it. */
function trickle(web: Web, first: string): Promise<{ afterMs: number; status: string }> {
  const { port } = new URL(web.url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(Number(port), "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk));
    socket.on("error", () => {});
    if (first) socket.write(first);
    const timer = setInterval(() => first && socket.writable && socket.write("x"), 200);
    const giveUp = setTimeout(() => socket.destroy(), 30_000);
    socket.on("close", () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ afterMs: Date.now() - started, status: answer.split("\r\n")[0] ?? "" });
    });
  });
}

describe("slow clients (WEB_HEADERS_TIMEOUT_MS=1000, WEB_REQUEST_TIMEOUT_MS=2000)", () => {
  it("are cut when their headers trickle in", async () => {
    const { afterMs, status } = await trickle(trusting, "GET /login HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
    expect(status).toBe("HTTP/1.1 408 Request Timeout");
    expect(afterMs).toBeGreaterThanOrEqual(900);
    expect(afterMs).toBeLessThan(10_000);
  });

  it("are cut when a webhook's body trickles in", async () => {
    const { afterMs, status } = await trickle(
      trusting,
      `POST /api/hooks/${"a".repeat(43)} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 50000\r\n\r\n{"a":"`,
    );
    expect(status).toBe("HTTP/1.1 408 Request Timeout");
    expect(afterMs).toBeGreaterThanOrEqual(1_900);
    expect(afterMs).toBeLessThan(10_000);
  });

  it("are cut when they connect and send nothing", async () => {
    const { afterMs } = await trickle(trusting, "");
    expect(afterMs).toBeGreaterThanOrEqual(900);
    expect(afterMs).toBeLessThan(10_000);
  });

  it("that send in time are answered, also after idling on a kept-alive connection", async () => {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${trusting.url}/api/hooks/${"a".repeat(43)}`, { method: "POST", body: "{}" });
      expect(response.status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
    }
  });
});
