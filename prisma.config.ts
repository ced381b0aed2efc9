// Prisma CLI configuration. `engine: "js"` with a driver adapter makes the CLI use its bundled WASM
// schema engine, so migrations need no native binary (see scripts/prisma.mjs). The CLI's adapter is
// @prisma/adapter-pg 7.x (installed as @prisma/adapter-pg-cli) because 6.19's adapter cannot read
// PostgreSQL's `name` type, which the schema engine's catalog queries return.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg-cli";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    return new PrismaPg({ connectionString });
  },
});
