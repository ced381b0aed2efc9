import { buildSandbox } from "./server";

const port = Number(process.env.XERO_SANDBOX_PORT ?? 4010);
const host = process.env.XERO_SANDBOX_HOST ?? "127.0.0.1";
const baseUrl = process.env.XERO_SANDBOX_URL ?? `http://127.0.0.1:${port}`;

const app = buildSandbox({ baseUrl });
try {
  await app.listen({ port, host });
  console.log(`[xero-sandbox] listening on ${baseUrl}`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === "EADDRINUSE" ? `[xero-sandbox] port ${port} is already in use (set XERO_SANDBOX_PORT)` : error,
  );
  process.exit(1);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => void app.close().then(() => process.exit(0)));
}
