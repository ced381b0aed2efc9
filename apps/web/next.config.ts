import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { NextConfig } from "next";

/** The names of the workspace packages in packages/ and packages/connectors/. */
function workspacePackageNames(): string[] {
  const root = join(import.meta.dirname, "..", "..");
  return ["packages", join("packages", "connectors")].flatMap((folder) =>
    readdirSync(join(root, folder))
      .map((entry) => join(root, folder, entry, "package.json"))
      .filter((manifest) => existsSync(manifest))
      .map((manifest) => (JSON.parse(readFileSync(manifest, "utf8")) as { name: string }).name),
  );
}

const config: NextConfig = {
  // The bench builds into its own directory (NEXT_DIST_DIR=.next-bench) so that a build elsewhere in
  // the same checkout never replaces the files of the app it is measuring.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Our packages ship TypeScript source; Next compiles them with the app. Every workspace package
  // under packages/ (connectors included), so adding a connector needs no line here.
  transpilePackages: workspacePackageNames(),
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
