import path from "node:path";
import { fileURLToPath } from "node:url";
import { serverEnv } from "@ledgerflow/config";
import { XERO_WEBHOOK_ROUTE, xeroWebhookEndpoint } from "@ledgerflow/connector-xero/webhook-endpoint";
import next from "next";
import { createWebServer } from "./create-web-server";
import { compileTrustProxy } from "./trust-forwarded-headers";

// The web app's process (`npm run start -w @ledgerflow/web`; `--dev` for development): Next.js
// behind a server of ours, because `next start` can neither bound slow clients nor be told which
// proxies' X-Forwarded-For to believe. See docs/ARCHITECTURE.md §2 and §7.
// It runs under `--import tsx/esm`, not `--import tsx`: the latter also hooks CommonJS resolution,
// which every require() Next.js makes while answering then pays for (about 2 ms of CPU more per
// webhook request, measured; docs/PERFORMANCE.md).

const dev = process.argv.includes("--dev");
const env = serverEnv();
// Read before Next.js starts, so a bad XERO_WEBHOOK_PATH stops the server with its name.
const xeroWebhookPath = xeroWebhookEndpoint().path;
const app = next({
  dev,
  dir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."),
  port: env.PORT,
});
await app.prepare();

const server = createWebServer(app.getRequestHandler(), {
  trust: compileTrustProxy(env.TRUSTED_PROXIES),
  https: env.NEXTAUTH_URL.startsWith("https://"),
  headersTimeoutMs: env.WEB_HEADERS_TIMEOUT_MS,
  requestTimeoutMs: env.WEB_REQUEST_TIMEOUT_MS,
  keepAliveTimeoutMs: env.WEB_KEEP_ALIVE_TIMEOUT_MS,
  // The route keeps answering at its own path too: a configured path adds one, it moves nothing.
  pathAliases: new Map(xeroWebhookPath === XERO_WEBHOOK_ROUTE ? [] : [[xeroWebhookPath, XERO_WEBHOOK_ROUTE]]),
});
server.on("error", (error) => {
  console.error(`The web server could not listen on port ${env.PORT}: ${error.message}`);
  process.exit(1);
});
server.listen(env.PORT, () => {
  console.log(
    `web server listening on port ${env.PORT} (${dev ? "development" : "production"}), for ${env.NEXTAUTH_URL}`,
  );
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // Requests in flight are answered (a webhook being stored gets its 202); idle keep-alive
  // connections close now, and any connection still open after 10 s is cut.
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 10_000).unref();
  await closed;
  await app.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
