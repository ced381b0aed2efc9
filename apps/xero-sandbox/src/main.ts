import { loadSandboxConfig } from "./config";
import { buildSandbox } from "./server";

// `npm run sandbox` / `npm run start -w @ledgerflow/xero-sandbox`: the sandbox alone, on
// XERO_SANDBOX_PORT (default 4010), configured from XERO_SANDBOX_* variables.

const config = loadSandboxConfig();
const host = process.env.XERO_SANDBOX_HOST ?? "127.0.0.1";
const { app } = await buildSandbox(config);

try {
  await app.listen({ port: config.port, host });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === "EADDRINUSE" ? `[xero-sandbox] port ${config.port} is already in use (set XERO_SANDBOX_PORT)` : error,
  );
  process.exit(1);
}

console.log(`[xero-sandbox] listening on ${config.baseUrl}`);
for (const client of config.clients) {
  // The sandbox's client secrets are throwaway local values, printed so a developer can paste them.
  console.log(`[xero-sandbox] OAuth client ${client.clientId} / secret ${client.clientSecret}`);
}
if (config.adminSecretGenerated) {
  console.log(`[xero-sandbox] admin secret (x-sandbox-admin-secret): ${config.adminSecret}`);
}
if (config.stateFile) console.log(`[xero-sandbox] state saved to ${config.stateFile}`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => void app.close().then(() => process.exit(0)));
}
