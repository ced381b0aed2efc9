import type { ClientRequest } from "@ledgerflow/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHttpAuth, createHttpClient } from "./http-auth";
import { type LocalServer, startLocalServer } from "./testing/local-server";
import { testHttpStep } from "./testing/test-http-step";

// An HTTP connection's credentials as the step sends them: what the vault hands back becomes headers,
// they win over a header typed into the step, and they never follow a redirect to another site.

const saved = process.env.HTTP_ALLOW_PRIVATE_NETWORKS;
let api: LocalServer;
let elsewhere: LocalServer;
beforeAll(async () => {
  process.env.HTTP_ALLOW_PRIVATE_NETWORKS = "true";
  [api, elsewhere] = await Promise.all([startLocalServer(), startLocalServer()]);
});
afterAll(async () => {
  if (saved === undefined) delete process.env.HTTP_ALLOW_PRIVATE_NETWORKS;
  else process.env.HTTP_ALLOW_PRIVATE_NETWORKS = saved;
  await Promise.all([api?.close(), elsewhere?.close()]);
});

const clientOf = (values: Record<string, unknown>) =>
  createHttpClient({ readSecret: async () => values } as unknown as ClientRequest);

describe("an HTTP connection", () => {
  it("is sent as Basic, Bearer or the service's own header", async () => {
    expect(await clientOf({ type: "basic", username: "ana", password: "s3cret pass" })).toEqual({
      headers: { authorization: `Basic ${Buffer.from("ana:s3cret pass").toString("base64")}` },
    });
    expect(await clientOf({ type: "bearer", token: "tok_123" })).toEqual({
      headers: { authorization: "Bearer tok_123" },
    });
    expect(await clientOf({ type: "header", headerName: "X-Api-Key", headerValue: "key_9" })).toEqual({
      headers: { "x-api-key": "key_9" },
    });
  });

  it("refuses, naming the field, a header that is not one, one the request sets itself, and a value of two lines", () => {
    expect(checkHttpAuth({ type: "header", headerName: "X Api", headerValue: "k" })).toEqual([
      { field: "headerName", message: '"X Api" is not a header name (letters, digits and - only)' },
    ]);
    expect(checkHttpAuth({ type: "header", headerName: "Host", headerValue: "k" })[0]?.field).toBe("headerName");
    expect(checkHttpAuth({ type: "bearer", token: "a\r\nX-Evil: 1" })).toEqual([
      { field: "token", message: "must be one line" },
    ]);
    expect(checkHttpAuth({ type: "basic", username: "a:b", password: "c" })[0]?.field).toBe("username");
    expect(checkHttpAuth({ type: "bearer", token: "tok" })).toEqual([]);
  });

  it("wins over an Authorization header typed into the step, and stays out of the step's input", async () => {
    api.answer((_request, response) => response.end("ok"));
    const client = await clientOf({ type: "bearer", token: "from-the-vault" });
    const result = await testHttpStep(
      { url: api.url, headers: [{ name: "Authorization", value: "Bearer typed" }] },
      {},
      client,
    );
    expect(result.output).toMatchObject({ status: 200 });
    expect(api.received.at(-1)?.headers.authorization).toBe("Bearer from-the-vault");
    expect(JSON.stringify(result)).not.toContain("from-the-vault");
  });

  it("keeps an API-key header on a redirect within the site and drops it on one to another site", async () => {
    const client = await clientOf({ type: "header", headerName: "X-Api-Key", headerValue: "key_9" });
    api.answer((request, response) => {
      if (request.url === "/start") return void response.writeHead(302, { location: "/moved" }).end();
      if (request.url === "/moved") return void response.writeHead(302, { location: `${elsewhere.url}/away` }).end();
      response.end("?");
    });
    elsewhere.answer((_request, response) => response.end("arrived"));
    const result = await testHttpStep({ url: `${api.url}/start` }, {}, client);
    expect(result.output).toMatchObject({ status: 200, body: "arrived" });
    expect(api.received.slice(-2).map((request) => request.headers["x-api-key"])).toEqual(["key_9", "key_9"]);
    expect(elsewhere.received.at(-1)?.headers["x-api-key"]).toBeUndefined();
  });
});
