import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{apps,packages,packages/connectors}/*/src/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/.next/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share one database and Redis prefix: every test creates its own rows
    // (unique workspace, flow and tenant ids) and never truncates shared tables.
    pool: "forks",
  },
});
