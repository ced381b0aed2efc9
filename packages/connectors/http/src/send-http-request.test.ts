import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exchange } from "./network/exchange";
import { type LocalServer, startLocalServer } from "./testing/local-server";
import { runHttpStep, testHttpStep } from "./testing/test-http-step";

// The step against a real server on 127.0.0.1, which only HTTP_ALLOW_PRIVATE_NETWORKS=true reaches.

let server: LocalServer;
const saved = process.env.HTTP_ALLOW_PRIVATE_NETWORKS;

beforeAll(async () => {
  server = await startLocalServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  process.env.HTTP_ALLOW_PRIVATE_NETWORKS = "true";
  server.received.length = 0;
});
afterEach(() => {
  if (saved === undefined) delete process.env.HTTP_ALLOW_PRIVATE_NETWORKS;
  else process.env.HTTP_ALLOW_PRIVATE_NETWORKS = saved;
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  server.answer((_request, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  });

describe("http.request against a local server", () => {
  it("parses a JSON answer and gives its status and headers", async () => {
    json(201, { id: 7, ok: true }, { "x-request-id": "abc" });
    const { output } = await testHttpStep({ method: "POST", url: `${server.url}/orders` });
    expect(output).toMatchObject({
      status: 201,
      statusText: "Created",
      ok: true,
      url: `${server.url}/orders`,
      body: { id: 7, ok: true },
    });
    expect(output?.headers).toMatchObject({ "content-type": "application/json", "x-request-id": "abc" });
  });

  it("gives text when the answer is not JSON, and JSON that does not parse as text", async () => {
    server.answer((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      response.end("Grüße");
    });
    expect((await testHttpStep({ url: server.url })).output?.body).toBe("Grüße");
    server.answer((_request, response) => {
      response.writeHead(200, { "content-type": "application/problem+json" });
      response.end("{not json");
    });
    expect((await testHttpStep({ url: server.url })).output?.body).toBe("{not json");
  });

  it("reads a gzip-encoded answer", async () => {
    server.answer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      response.end(gzipSync(JSON.stringify({ zipped: true })));
    });
    expect((await testHttpStep({ url: server.url })).output?.body).toEqual({ zipped: true });
  });

  it("sends the method, query, headers and a JSON body as given, with mapped values", async () => {
    json(200, {});
    const { output } = await testHttpStep(
      {
        method: "PUT",
        url: `${server.url}/invoices/{{trigger.body.number}}?source=shop`,
        query: [
          { name: "note", value: "{{trigger.body.note}}" },
          { name: "total", value: "{{trigger.body.total}}" },
        ],
        headers: [
          { name: "X-Api-Key", value: "secret 1" },
          { name: "Accept", value: "application/json" },
        ],
        bodyType: "json",
        body: '{"number": "{{trigger.body.number}}", "total": {{trigger.body.total}}}',
      },
      { number: "INV-0042", note: "a&b=c ü", total: 1234.5 },
    );
    expect(output?.status).toBe(200);
    const [seen] = server.received;
    expect(seen?.method).toBe("PUT");
    const url = new URL(seen?.url ?? "", server.url);
    expect(url.pathname).toBe("/invoices/INV-0042");
    expect([...url.searchParams]).toEqual([
      ["source", "shop"],
      ["note", "a&b=c ü"],
      ["total", "1234.5"],
    ]);
    expect(seen?.headers).toMatchObject({
      "x-api-key": "secret 1",
      accept: "application/json",
      "content-type": "application/json; charset=utf-8",
      "user-agent": "Ledgerflow",
    });
    expect(JSON.parse(seen?.body ?? "")).toEqual({ number: "INV-0042", total: 1234.5 });
    expect(seen?.headers["idempotency-key"]).toBeUndefined();
  });

  it("sends a form body URL-encoded and a raw text body as is", async () => {
    json(200, {});
    await testHttpStep({
      method: "POST",
      url: server.url,
      bodyType: "form",
      form: [
        { name: "invoice", value: "INV 1&2" },
        { name: "amount", value: 12.5 },
      ],
    });
    expect(server.received[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(server.received[0]?.body).toBe("invoice=INV+1%262&amount=12.5");

    await testHttpStep({ method: "POST", url: server.url, bodyType: "text", body: "  line one\nline two\n" });
    expect(server.received[1]?.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(server.received[1]?.body).toBe("  line one\nline two\n");
  });

  it("refuses a JSON body that is not JSON once mapped, naming the field", async () => {
    const { error } = await testHttpStep({ method: "POST", url: server.url, bodyType: "json", body: "{oops}" });
    expect(error).toMatchObject({ code: "invalid_input", field: "body" });
    expect(server.received).toHaveLength(0);
  });

  it("refuses a URL that is not http(s) or carries a password, and a timeout over 120 s", async () => {
    expect((await testHttpStep({ url: "ftp://example.com/file" })).error).toMatchObject({
      code: "invalid_input",
      field: "url",
    });
    expect((await testHttpStep({ url: "https://user:pw@example.com/" })).error).toMatchObject({ field: "url" });
    expect((await testHttpStep({ url: server.url, timeoutSeconds: 600 })).error).toMatchObject({
      field: "timeoutSeconds",
    });
  });

  it("fails on a 4xx without retrying it, and continues with the answer when asked", async () => {
    json(404, { error: "no such order" });
    const { error } = await testHttpStep({ url: `${server.url}/orders/9` });
    expect(error).toMatchObject({ code: "http_rejected", retryable: false, details: { status: 404 } });
    expect(error?.message).toContain("answered 404 Not Found");

    const { output } = await testHttpStep({ url: `${server.url}/orders/9`, continueOnError: true });
    expect(output).toMatchObject({ status: 404, ok: false, body: { error: "no such order" } });
  });

  it("makes a 429 a rate limit retried after Retry-After, and a 503 retryable with its Retry-After", async () => {
    json(429, { error: "slow down" }, { "retry-after": "7" });
    expect((await testHttpStep({ url: server.url })).error).toMatchObject({
      code: "rate_limited",
      retryable: true,
      retryAfterMs: 7000,
    });
    json(503, {}, { "retry-after": new Date(Date.now() + 60_000).toUTCString() });
    const { error } = await testHttpStep({ url: server.url });
    expect(error).toMatchObject({ code: "http_unavailable", retryable: true });
    expect(error?.retryAfterMs).toBeGreaterThan(55_000);
    json(500, {});
    expect((await testHttpStep({ url: server.url })).error).toMatchObject({
      code: "http_unavailable",
      retryable: true,
    });
  });

  it("times out, retryably, when the answer does not come", async () => {
    server.answer(() => {});
    const started = Date.now();
    const { error } = await testHttpStep({ url: server.url, timeoutSeconds: 0.3 });
    expect(error).toMatchObject({ code: "http_timeout", retryable: true });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("fails when the answer is larger than 5 MB, declared or streamed, naming the cap", async () => {
    const big = "x".repeat(5 * 1024 * 1024 + 1);
    server.answer((_request, response) => response.end(big));
    const declared = await testHttpStep({ url: server.url });
    expect(declared.error).toMatchObject({ code: "http_response_too_large", retryable: false });
    expect(declared.error?.message).toContain("larger than 5 MB");

    server.answer((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("x".repeat(3 * 1024 * 1024));
      response.end("x".repeat(3 * 1024 * 1024));
    });
    expect((await testHttpStep({ url: server.url })).error).toMatchObject({ code: "http_response_too_large" });

    server.answer((_request, response) => response.end("x".repeat(5 * 1024 * 1024)));
    expect((await testHttpStep({ url: server.url })).output?.body).toHaveLength(5 * 1024 * 1024);
  });

  it("follows redirects (a 303 after a POST becomes a GET), at most 5", async () => {
    server.answer((request, response) => {
      const hop = Number(new URL(request.url, server.url).searchParams.get("hop") ?? 0);
      if (request.url.startsWith("/done")) return void response.end(`done by ${request.method}`);
      if (hop < 3) return void response.writeHead(302, { location: `/r?hop=${hop + 1}` }).end();
      response.writeHead(303, { location: "/done" }).end();
    });
    const { output } = await testHttpStep({ method: "POST", url: `${server.url}/r`, bodyType: "text", body: "hi" });
    expect(output).toMatchObject({ status: 200, body: "done by GET", url: `${server.url}/done` });

    server.answer((request, response) => response.writeHead(307, { location: `${request.url}x` }).end());
    expect((await testHttpStep({ url: `${server.url}/loop` })).error).toMatchObject({ code: "http_redirects" });
    expect(server.received.filter((request) => request.url.startsWith("/loop"))).toHaveLength(6);
  });

  it("sends the run's Idempotency-Key, the same on a retry of the step in that run", async () => {
    json(200, { ok: true });
    const input = { method: "POST", url: server.url, sendIdempotencyKey: true };
    const first = await runHttpStep(input, {}, "run-42");
    expect(first.status).toBe("SUCCEEDED");
    await runHttpStep(input, {}, "run-42");
    expect(server.received.map((request) => request.headers["idempotency-key"])).toEqual([
      "run-42:call",
      "run-42:call",
    ]);
  });

  it("fails a run's step on a non-2xx with the StepError the runtime retries", async () => {
    json(502, {});
    const result = await runHttpStep({ url: server.url });
    expect(result.status).toBe("FAILED");
    expect(JSON.parse(JSON.stringify(result))).toMatchObject({
      error: { code: "http_unavailable", retryable: true },
    });
  });
});

describe("http.request without HTTP_ALLOW_PRIVATE_NETWORKS", () => {
  beforeEach(() => {
    delete process.env.HTTP_ALLOW_PRIVATE_NETWORKS;
  });

  it.each([
    ["http://127.0.0.1:8080/", "127.0.0.1", "a loopback address"],
    ["http://localhost:3000/admin", "localhost", "a loopback address"],
    ["http://api.localhost/", "api.localhost", "a loopback address"],
    ["http://[::1]/", "::1", "a loopback address"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1", "a loopback address"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254", "the cloud metadata address (link-local)"],
    ["http://10.1.2.3/", "10.1.2.3", "a private address"],
    ["http://192.168.0.1/", "192.168.0.1", "a private address"],
    ["http://[fd00::1]/", "fd00::1", "a private address"],
    ["http://0.0.0.0/", "0.0.0.0", "an unspecified address"],
  ])("refuses %s, naming the rule and the setting", async (url, address, range) => {
    const { error } = await testHttpStep({ url });
    expect(error).toMatchObject({ code: "http_address_refused", retryable: false, field: "url" });
    expect(error?.message).toBe(
      `"${new URL(url).href}" resolves to ${address}, ${range}: requests to private networks are refused unless HTTP_ALLOW_PRIVATE_NETWORKS=true`,
    );
  });

  it("refuses the local server itself", async () => {
    const { error } = await testHttpStep({ url: server.url });
    expect(error?.code).toBe("http_address_refused");
    expect(server.received).toHaveLength(0);
  });

  it("refuses a redirect to a private address, before connecting to it", async () => {
    const options = {
      allowPrivate: false,
      allowedAddresses: new Set(["127.0.0.1"]),
      timeoutMs: 5_000,
      maxBytes: 1024,
      maxRedirects: 5,
      signal: new AbortController().signal,
    };
    const get = (url: string) => exchange({ url: new URL(url), method: "GET", headers: {} }, options);
    for (const [location, message] of [
      [
        "http://169.254.169.254/latest/meta-data/",
        'The redirect to "http://169.254.169.254/latest/meta-data/" resolves to 169.254.169.254',
      ],
      ["http://10.0.0.7:8080/", 'The redirect to "http://10.0.0.7:8080/" resolves to 10.0.0.7, a private address'],
      [`http://localhost:${new URL(server.url).port}/`, "resolves to localhost, a loopback address"],
    ] as const) {
      server.answer((_request, response) => response.writeHead(302, { location }).end());
      await expect(get(`${server.url}/start`)).rejects.toMatchObject({
        code: "http_address_refused",
        message: expect.stringContaining(message),
      });
    }
    // The allowed first hop was made; no hop to a refused address was.
    expect(server.received.map((request) => request.url)).toEqual(["/start", "/start", "/start"]);
  });

  it("does not follow a redirect to a scheme other than http(s)", async () => {
    process.env.HTTP_ALLOW_PRIVATE_NETWORKS = "true";
    server.answer((_request, response) => response.writeHead(301, { location: "file:///etc/passwd" }).end());
    expect((await testHttpStep({ url: server.url })).error).toMatchObject({ code: "http_redirects" });
  });
});
