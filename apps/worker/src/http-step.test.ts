import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { prisma } from "@ledgerflow/db";
import type { FlowDefinition } from "@ledgerflow/engine";
import { runFlowNow } from "@ledgerflow/runtime";
import { afterAll, beforeAll, expect, it } from "vitest";
import { finishedRun } from "./testing/finished-run";
import { seedConnectedFlow } from "./testing/seed";
import { type System, startSystem } from "./testing/system";

// The HTTP request step through the real worker, against a web service of the test's own on
// 127.0.0.1: a 503 is retried with the same Idempotency-Key, and the address is refused outright
// by a worker without HTTP_ALLOW_PRIVATE_NETWORKS.

interface Received {
  method: string;
  idempotencyKey: string | undefined;
  body: string;
}

let system: System;
let server: Server;
let url: string;
const received: Received[] = [];
/** How the service answers its next requests, then 200 with `{ id: 42 }`. */
const answers: { status: number; headers?: Record<string, string> }[] = [];

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => resolve(body));
  });
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBody(request);
    received.push({ method: request.method ?? "", idempotencyKey: request.headers["idempotency-key"] as string, body });
    const answer = answers.shift();
    if (answer) {
      response.writeHead(answer.status, answer.headers).end("busy");
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: 42 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm/invoices`;
  system = await startSystem({ workers: 1, env: { HTTP_ALLOW_PRIVATE_NETWORKS: "true" } });
}, 60_000);
afterAll(async () => {
  await system?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

const notifyFlow = (): FlowDefinition => ({
  schemaVersion: 2,
  trigger: { type: "manual", config: {} },
  steps: [
    {
      key: "tell_crm",
      action: "http.request",
      input: {
        method: "POST",
        url,
        bodyType: "json",
        body: '{"invoice": "{{trigger.body.number}}"}',
        sendIdempotencyKey: true,
      },
    },
  ],
});

it("a 503 is retried after Retry-After with the same Idempotency-Key, and the answer becomes the output", async () => {
  const { workspace, flow } = await seedConnectedFlow(system, notifyFlow);
  received.length = 0;
  answers.push({ status: 503, headers: { "retry-after": "1" } });
  const { runId } = await runFlowNow({ workspaceId: workspace.id, flowId: flow.id, body: { number: "INV-0042" } });
  const run = await finishedRun(runId, workspace.id);
  expect(run.status).toBe("SUCCEEDED");
  expect(received).toEqual([
    { method: "POST", idempotencyKey: `${runId}:tell_crm`, body: '{"invoice": "INV-0042"}' },
    { method: "POST", idempotencyKey: `${runId}:tell_crm`, body: '{"invoice": "INV-0042"}' },
  ]);
  expect(run.steps[0]).toMatchObject({ status: "SUCCEEDED", attempts: 2, output: { status: 200, body: { id: 42 } } });
}, 60_000);

it("a worker without HTTP_ALLOW_PRIVATE_NETWORKS refuses 127.0.0.1, naming the rule and the setting, and sends nothing", async () => {
  const worker = system.workers[0];
  worker?.child.kill("SIGTERM");
  await worker?.exited;
  await system.startWorker({ HTTP_ALLOW_PRIVATE_NETWORKS: "false" });

  const { workspace, flow } = await seedConnectedFlow(system, notifyFlow);
  received.length = 0;
  const { runId } = await runFlowNow({ workspaceId: workspace.id, flowId: flow.id, body: { number: "INV-0043" } });
  const run = await finishedRun(runId, workspace.id);
  expect(run.status).toBe("FAILED");
  expect(run.steps[0]?.error).toMatchObject({
    code: "http_address_refused",
    retryable: false,
    message: expect.stringContaining(
      "requests to private networks are refused unless HTTP_ALLOW_PRIVATE_NETWORKS=true",
    ),
  });
  expect(received).toHaveLength(0);
  expect(await prisma.run.count({ where: { id: runId, failedAttempts: 0 } })).toBe(1);
}, 60_000);
