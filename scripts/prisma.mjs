#!/usr/bin/env node
// Runs the Prisma CLI so that it never tries to download its native engines.
//
// Prisma's CLI fetches a native schema engine (and, in 6.x, a query engine library) before every
// command. Machines without access to Prisma's binary host cannot do that, and we do not need them:
// prisma.config.ts selects the WASM schema engine through a driver adapter, and the runtime client
// is generated with `engineType = "client"` (no Rust). Pointing the two variables at an existing
// file skips the download; the files are never executed on this path. Users may still set their own.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const placeholder = path.join(root, "prisma", "schema.prisma");
const require = createRequire(import.meta.url);

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};

const cli = require.resolve("prisma/build/index.js", { paths: [root] });
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
