import type { NextConfig } from "next";

const config: NextConfig = {
  // The bench builds into its own directory (NEXT_DIST_DIR=.next-bench) so that a build elsewhere in
  // the same checkout never replaces the files of the app it is measuring.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Our packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: [
    "@ledgerflow/config",
    "@ledgerflow/runtime",
    "@ledgerflow/db",
    "@ledgerflow/engine",
    "@ledgerflow/queue",
    "@ledgerflow/vault",
    "@ledgerflow/connector-xero",
  ],
  // Server-only libraries with native parts or dynamic requires stay as plain Node requires.
  serverExternalPackages: [
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "bullmq",
    "ioredis",
    "xero-node",
    "@node-rs/argon2",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  devIndicators: false,
};

export default config;
