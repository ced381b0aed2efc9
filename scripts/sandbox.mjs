#!/usr/bin/env node
// `npm run sandbox`: the local Xero sandbox alone, on XERO_SANDBOX_PORT (default 4010). It prints
// its OAuth client id and secret; point the app at it with XERO_IDENTITY_URL / XERO_API_URL.
import { spawn } from "node:child_process";
import { root } from "./lib/bootstrap.mjs";

const child = spawn("npm", ["run", "start", "--silent", "-w", "@ledgerflow/xero-sandbox"], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
