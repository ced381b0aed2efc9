import { createServer } from "node:net";
import { loadSandboxConfig, type SandboxConfig, type SandboxConfigOverrides } from "../config";
import { buildSandbox, type Sandbox } from "../server";

// An in-process sandbox on a free port for one test file, with its own client and admin secret.

export const TEST_CLIENT = {
  clientId: "sandbox-test-client",
  clientSecret: "sandbox-test-secret",
  redirectUris: ["http://127.0.0.1:9/callback"],
};
export const TEST_ADMIN_SECRET = "sandbox-test-admin-secret";

export type AdminMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface TestSandbox extends Sandbox {
  url: string;
  /** Calls an admin route with the admin secret; throws on a non-2xx answer. */
  admin<T = unknown>(method: AdminMethod, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export async function startTestSandbox(overrides: SandboxConfigOverrides = {}): Promise<TestSandbox> {
  const port = overrides.port ?? (await freePort());
  const config: SandboxConfig = loadSandboxConfig(
    {},
    {
      port,
      clients: [TEST_CLIENT],
      adminSecret: TEST_ADMIN_SECRET,
      stateFile: null,
      ...overrides,
      // Short retries and timeouts, so a test of a failing receiver takes well under a second.
      webhook: { batchDelayMs: 50, retryDelayMs: 20, timeoutMs: 1000, ...overrides.webhook },
    },
  );
  const sandbox = await buildSandbox(config);
  await sandbox.app.listen({ port, host: "127.0.0.1" });
  const url = config.baseUrl;
  return {
    ...sandbox,
    url,
    async admin<T>(method: AdminMethod, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          "x-sandbox-admin-secret": TEST_ADMIN_SECRET,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as T;
    },
    close: () => sandbox.app.close(),
  };
}
